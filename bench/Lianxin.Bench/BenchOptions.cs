using Lianxin.Web.Demo;

namespace Lianxin.Bench;

public enum Provider { Sqlite, Postgres }

/// <summary>Command-line options. Every loop is bounded by both <see cref="Seconds"/> and <see cref="Count"/>.</summary>
public sealed class BenchOptions
{
    public string SizeName { get; private set; } = "S";
    public DistrictSize Size => DistrictSize.Parse(SizeName);
    public Provider Provider { get; private set; } = Provider.Sqlite;
    public string? PgConnection { get; private set; }
    public string PgDatabase { get; private set; } = "lianxin_bench";
    public string? SqliteFile { get; private set; }
    public bool Reuse { get; private set; }
    public bool LoadOnly { get; private set; }
    public string Scenario { get; private set; } = "org-tree";
    public string[]? Operations { get; private set; }
    public int Concurrency { get; private set; } = 8;
    public double Seconds { get; private set; } = 10;
    public double Warmup { get; private set; } = 2;
    /// <summary>At most this many seconds of further app warm-up until its JIT has settled (0: none).</summary>
    public double Settle { get; private set; }
    public long Count { get; private set; } = 1_000_000;
    /// <summary>Rounds of app-then-baselines phases per operation.</summary>
    public int Rounds { get; private set; } = 3;
    public string Role { get; private set; } = "district";
    /// <summary>Demands the demand scenarios put into the first street (QH01).</summary>
    public long Demands { get; private set; } = 2_000_000;
    /// <summary>Print the SQL EF sends (to hold the baselines against it).</summary>
    public bool ShowSql { get; private set; }
    /// <summary>Another build of the app to start (its Lianxin.Web.dll), e.g. a copy of main's to compare back to back.</summary>
    public string? AppDll { get; private set; }
    public bool Help { get; private set; }
    /// <summary>review-aggregate: the size of the round (units × reviewers × items); units are capped by the district's size.</summary>
    public int ReviewUnits { get; private set; } = 300;
    public int ReviewReviewers { get; private set; } = 10;
    public int ReviewItems { get; private set; } = 100;
    /// <summary>ledger: clients of the measured phase and of the baseline phase, and the bank's size.</summary>
    public int Clients { get; private set; } = 1000;
    public int BaselineClients { get; private set; } = 10;
    public int Depositors { get; private set; } = 2000;
    public int Shops { get; private set; } = 20;

    public const string Usage = """
        Lianxin benchmark harness: generate a district, load it, run a scenario over HTTP and as raw SQL.

          --size S|L              district size (S: 2 streets; L: 20 streets, 300,000 households)   [S]
          --provider sqlite|postgres                                                               [sqlite]
          --pg "<connection>"     PostgreSQL server to use (required for postgres); the bench drops and
                                  re-creates its own database on it (--pg-db)                      [lianxin_bench]
          --db <file>             SQLite file                       [bench/results/lianxin-bench-<size>.db]
          --reuse                 keep an already loaded database of the same size instead of reloading
          --load-only             generate and load, print timings, then stop
          --scenario <name>       scenario to run (--list shows them)                              [org-tree]
          --ops a,b               run only these operations of the scenario
          --concurrency N         concurrent workers                                                [8]
          --rounds N              rounds per operation; each runs the app, then each baseline       [3]
          --seconds S             measured time per phase (each round runs an app phase and one per baseline) [10]
          --warmup S              one unmeasured warm-up of each side before the rounds             [2]
          --settle S              then warm the app up 5 s at a time until its JIT compiles < 50 methods in one, at most S s [0]
          --count N               at most N requests per phase                                      [1000000]
          --role district|street  the bench user is DistrictAdmin at the district or StreetStaff at the first street [district]
          --demands N             demands in street QH01 for the demand-list and demand-figures scenarios [2000000]
          --show-sql              log the SQL the app sends through EF (to compare with the baselines)
          --app <dll>             start this build of the app (a saved copy's Lianxin.Web.dll) instead of
                                  src/Lianxin.Web/bin/Release/net10.0's, to compare builds back to back
          --review U,R,I          review-aggregate: units × reviewers × items of the round (units need --size L for 300) [300,10,100]
          --clients N             ledger: concurrent clients of the measured phase                  [1000]
          --baseline-clients N    ledger: clients of the baseline phase (the same workload)          [10]
          --depositors N, --shops N  ledger: the bank's depositors and merchants              [2000, 20]
          --list                  list scenarios
        """;

    public bool List { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--size": o.SizeName = Next().ToUpperInvariant(); _ = o.Size; break;
                case "--provider":
                    o.Provider = Next().ToLowerInvariant() switch
                    {
                        "sqlite" => Provider.Sqlite,
                        "postgres" or "postgresql" or "pg" => Provider.Postgres,
                        var p => throw new ArgumentException($"unknown provider {p}"),
                    };
                    break;
                case "--pg": o.PgConnection = Next(); break;
                case "--pg-db": o.PgDatabase = Next(); break;
                case "--db": o.SqliteFile = Path.GetFullPath(Next()); break;
                case "--reuse": o.Reuse = true; break;
                case "--load-only": o.LoadOnly = true; break;
                case "--scenario": o.Scenario = Next(); break;
                case "--ops": o.Operations = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--concurrency": o.Concurrency = Positive(int.Parse(Next()), "--concurrency"); break;
                case "--seconds": o.Seconds = Positive(double.Parse(Next()), "--seconds"); break;
                case "--warmup": o.Warmup = Math.Max(0, double.Parse(Next())); break;
                case "--settle": o.Settle = Math.Max(0, double.Parse(Next())); break;
                case "--rounds": o.Rounds = Positive(int.Parse(Next()), "--rounds"); break;
                case "--count": o.Count = Positive(long.Parse(Next()), "--count"); break;
                case "--role":
                    o.Role = Next().ToLowerInvariant();
                    if (o.Role is not ("district" or "street")) throw new ArgumentException("--role is district or street");
                    break;
                case "--demands": o.Demands = Positive(long.Parse(Next()), "--demands"); break;
                case "--show-sql": o.ShowSql = true; break;
                case "--app": o.AppDll = Path.GetFullPath(Next()); break;
                case "--review":
                    var dims = Next().Split(',', 'x').Select(int.Parse).ToArray();
                    if (dims.Length != 3 || dims.Any(d => d <= 0) || dims[2] < 4) throw new ArgumentException("--review is units,reviewers,items (items at least 4)");
                    (o.ReviewUnits, o.ReviewReviewers, o.ReviewItems) = (dims[0], dims[1], dims[2]);
                    break;
                case "--clients": o.Clients = Positive(int.Parse(Next()), "--clients"); break;
                case "--baseline-clients": o.BaselineClients = Positive(int.Parse(Next()), "--baseline-clients"); break;
                case "--depositors": o.Depositors = Positive(int.Parse(Next()), "--depositors"); break;
                case "--shops": o.Shops = Positive(int.Parse(Next()), "--shops"); break;
                case "--list": o.List = true; break;
                case "-h" or "--help": o.Help = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Provider == Provider.Postgres && string.IsNullOrWhiteSpace(o.PgConnection) && !o.Help && !o.List)
            throw new ArgumentException("--provider postgres needs --pg \"Host=...;Username=...;Database=postgres\"");
        if (o.Seconds > 3600) throw new ArgumentException("--seconds is at most 3600");
        if (o.Concurrency > 512) throw new ArgumentException("--concurrency is at most 512");
        return o;
    }

    static T Positive<T>(T value, string name) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{name} must be positive");
}
