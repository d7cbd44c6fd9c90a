using System.Diagnostics;
using System.Text;
using Lianxin.Tests.Support;
using Xunit.Abstractions;

namespace Lianxin.Tests.Security;

/// <summary>
/// Every operation of the OpenAPI document × every demo role × a record in scope (和平社区) and out of it (幸福社区), against
/// <c>permission-matrix.csv</c>, which says what each must answer. A 2xx the table does not allow, or any 5xx, fails; so does
/// an operation without a row (a new endpoint must be entered) or a row without an operation. ADR 0028.
/// </summary>
[Collection(ProbeCollection.Name)]
public class PermissionMatrixTests(ProbeApp app, ITestOutputHelper output)
{
    /// <summary>Least privileged first: an unsafe probe that a stronger role may make runs after the weaker roles were refused.</summary>
    public static readonly string[] Roles =
        ["anon", "resident", "merchant", "member", "liaison", "grid", "compound", "staff", "secretary2", "secretary", "officer", "reviewer", "street", "admin"];

    const string File = "permission-matrix.csv";

    [Fact]
    public async Task Every_operation_answers_every_role_as_the_permission_matrix_says()
    {
        var clock = Stopwatch.StartNew();
        var doc = await OpenApiDocument.LoadAsync(app.CreateClient());
        var operations = doc.Operations();
        var requests = new ProbeRequests(app, doc, ProbeRequests.LoadSources());
        var (inScope, outScope) = await ProbeRequests.ScopesAsync(app);
        // Every record is picked before the first write, so a record a probe created or changed is never the one probed.
        await requests.ResolveAsync(operations, refuseTies: true, inScope, outScope);
        var clients = new Dictionary<string, HttpClient> { ["anon"] = app.CreateClient() };
        foreach (var role in Roles.Skip(1)) clients[role] = await app.ApiAs(role);

        var table = Tables.ReadCsv(Tables.Path(File)).ToDictionary(r => r[0], r => r);
        var missing = operations.Select(o => o.Key).Where(k => !table.ContainsKey(k)).ToList();
        var stale = table.Keys.Except(operations.Select(o => o.Key)).ToList();
        var recording = Environment.GetEnvironmentVariable("LIANXIN_MATRIX_RECORD") == "1";

        // Reads first (they change nothing, so in parallel), then writes in a fixed order, deletes last.
        var ordered = operations.OrderBy(o => o.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 }).ThenBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method).ToList();
        var answers = new Dictionary<string, string[]>();
        var unexpected = new List<string>();
        var differences = new List<string>();
        var tried = 0;
        var took = new Dictionary<string, TimeSpan>();
        async Task Probe(ApiOperation op)
        {
            var started = Stopwatch.GetTimestamp();
            var row = table.GetValueOrDefault(op.Key);
            var cells = new string[Roles.Length];
            var scoped = ProbeRequests.NamesRecord(op);
            for (var r = 0; r < Roles.Length; r++)
            {
                var expected = (row is null || row.Length <= r + 1 ? "" : row[r + 1]).Split('|');
                var got = new List<string>();
                foreach (var (scope, i) in (scoped ? new[] { (outScope, 1), (inScope, 0) } : [(inScope, 0)]))
                {
                    var want = expected.Length > i ? expected[i] : expected[0];
                    if (want == "skip" && !recording) { got.Insert(0, "skip"); continue; }
                    var request = new HttpRequestMessage(new HttpMethod(op.Method), await requests.PathAsync(op, scope) + requests.Query(op, scope))
                    { Content = op.IsSafe ? null : requests.Content(op, scope) };
                    var response = await clients[Roles[r]].SendAsync(request);
                    Interlocked.Increment(ref tried);
                    var code = (int)response.StatusCode;
                    var answer = code is >= 200 and < 300 ? "ok" : code.ToString();
                    got.Insert(0, answer);
                    var what = $"{op.Key} as {Roles[r]} ({scope.Name} of scope): {code}, the table says {(want.Length == 0 ? "nothing" : want)}";
                    if (code >= 500 || (answer == "ok" && want != "ok" && want != "")) lock (unexpected) unexpected.Add(what);
                    else if (want != answer && want != "") lock (differences) differences.Add(what);
                }
                cells[r] = string.Join('|', got);
            }
            lock (answers) { answers[op.Key] = cells; took[op.Key] = Stopwatch.GetElapsedTime(started); }
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 4 };
        await Parallel.ForEachAsync(ordered.Where(o => o.IsSafe), parallel, async (op, _) => await Probe(op));
        // Writes: one module's in the fixed order (a role's success comes after the weaker roles' refusals), modules side by
        // side: their records are their own. Organizations and accounts change what every module's scope means (a dissolved
        // branch, a revoked grant), so theirs run alone after the others, and deletes last.
        var writes = ordered.Where(o => !o.IsSafe && o.Method != "DELETE").ToList();
        static string Module(ApiOperation o) => o.Path.Split('/') is var s && s.Length > 3 && s[1] == "api" ? s[3] : s[1];
        static bool Alone(ApiOperation o) => Module(o) is "org" or "users" or "auth";
        await Parallel.ForEachAsync(writes.Where(o => !Alone(o)).GroupBy(Module), parallel, async (module, _) =>
        {
            foreach (var op in module) await Probe(op);
        });
        foreach (var op in writes.Where(Alone).Concat(ordered.Where(o => o.Method == "DELETE"))) await Probe(op);

        if (recording) Record(ordered, table, answers);
        var cases = answers.Values.SelectMany(c => c).SelectMany(c => c.Split('|')).GroupBy(a => a).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var summary = $"Permission matrix: {operations.Count} operations × {Roles.Length} roles ({operations.Count(ProbeRequests.NamesRecord)} of them in and out of scope), "
            + $"{tried} requests in {clock.Elapsed.TotalSeconds:F0} s ({clock.Elapsed.TotalMilliseconds / Math.Max(tried, 1):F0} ms of wall time each); answers: {string.Join(", ", cases)}; "
            + $"{unexpected.Count} unexpected 2xx or 5xx, {differences.Count} other answers than the table's, {missing.Count} operations not in the table.";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        output.WriteLine("  slowest: " + string.Join("; ", took.OrderByDescending(t => t.Value).Take(8).Select(t => $"{t.Key} {t.Value.TotalSeconds:F1} s")));
        foreach (var u in unexpected.Order()) output.WriteLine("  UNEXPECTED: " + u);
        foreach (var d in differences.Order().Take(40)) output.WriteLine("  differs: " + d);
        Assert.True(missing.Count == 0, $"Operations without a row in {File} (ADR 0028 says how to add one):\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, $"Rows of {File} for operations that no longer exist:\n" + string.Join('\n', stale));
        Assert.True(requests.Unmapped.Count == 0, "Path parameters without a row in permission-ids.csv:\n" + string.Join('\n', requests.Unmapped.Distinct()));
        Assert.True(unexpected.Count == 0, "Unexpected answers:\n" + string.Join('\n', unexpected.Order()));
    }

    /// <summary><c>LIANXIN_MATRIX_RECORD=1</c>: writes what was answered into the source table, keeping its notes; review the diff.</summary>
    static void Record(List<ApiOperation> ops, Dictionary<string, string[]> table, Dictionary<string, string[]> answers)
    {
        var text = new StringBuilder();
        foreach (var line in System.IO.File.ReadAllLines(Tables.SourcePath(File)).TakeWhile(l => l.StartsWith('#'))) text.AppendLine(line);
        text.AppendLine("operation," + string.Join(',', Roles) + ",note");
        foreach (var op in ops.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method))
        {
            var note = table.TryGetValue(op.Key, out var row) && row.Length > Roles.Length + 1 ? row[Roles.Length + 1] : "";
            var cells = answers[op.Key].Select((c, i) => row is not null && row.Length > i + 1 && row[i + 1].Contains("skip") ? row[i + 1] : c);
            text.AppendLine(Tables.Quote(op.Key) + "," + string.Join(',', cells) + "," + Tables.Quote(note));
        }
        System.IO.File.WriteAllText(Tables.SourcePath(File), text.ToString());
    }
}
