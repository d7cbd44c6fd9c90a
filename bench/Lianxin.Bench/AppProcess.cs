using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Lianxin.Bench;

/// <summary>
/// The built app (<c>src/Lianxin.Web/bin/Release/net10.0/Lianxin.Web.dll</c>, which building the bench builds) in a
/// process of its own, configured through environment variables as an operator would, on a free loopback port. Its
/// memory is then the app's alone, and the load generator does not share its thread pool or GC. The timing startup
/// hook (bench/Lianxin.Bench.Timing) adds a Server-Timing header to every answer.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public string BaseUrl { get; }
    public string LogFile { get; }
    public int Id => process.Id;
    readonly Process process;
    readonly StreamWriter log;

    AppProcess(Process process, string baseUrl, string logFile, StreamWriter log) => (this.process, BaseUrl, LogFile, this.log) = (process, baseUrl, logFile, log);

    public static async Task<AppProcess> StartAsync(BenchDatabase database, string repoRoot, string resultsDir, CancellationToken ct)
    {
        var web = Path.Combine(repoRoot, "src", "Lianxin.Web");
        // --app: another build (its static files are still this tree's wwwroot; the pages are compiled into the dll).
        var dll = database.Options.AppDll ?? Path.Combine(web, "bin", "Release", "net10.0", "Lianxin.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: dotnet build bench/Lianxin.Bench -c Release builds it");
        var hook = Path.Combine(AppContext.BaseDirectory, "Lianxin.Bench.Timing.dll");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var baseUrl = $"http://127.0.0.1:{port}";

        // The content root is the project folder (wwwroot, as under `dotnet run`); the settings are BenchApp's.
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        var env = start.Environment;
        env["DOTNET_STARTUP_HOOKS"] = hook;
        env["ASPNETCORE_URLS"] = baseUrl;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in BenchApp.Settings(database, Path.Combine(resultsDir, "keys")))
            env[key.Replace(":", "__")] = value;

        var log = Path.Combine(resultsDir, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-app.log");
        env["LIANXIN_BENCH_GC_FILE"] = log + ".gc";
        var writer = new StreamWriter(log) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, baseUrl, log, writer);

        // Ready when the login page answers. Polled for up to 5 minutes, each probe allowed 30 s: on this shared 2-core machine
        // the app took 46 s to start at a load average of 60, and its first page (JIT, Razor) can take longer than 5 s.
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the app exited with {process.ExitCode}; see {log}");
            try
            {
                using var r = await probe.GetAsync("/account/login", ct);
                if (r.IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            if (deadline.Elapsed > TimeSpan.FromMinutes(5)) { await app.DisposeAsync(); throw new TimeoutException($"the app did not answer within 5 minutes; see {log}"); }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>The app process's resident memory now and its peak, in MiB (Linux /proc).</summary>
    public (double RssMb, double PeakMb)? Memory()
    {
        var status = $"/proc/{process.Id}/status";
        if (!File.Exists(status)) return null;
        double Kb(string key) => File.ReadLines(status).Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        return (Kb("VmRSS") / 1024, Kb("VmHWM") / 1024);
    }

    /// <summary>The GC's own figures (the startup hook's last line, see Lianxin.Bench.Timing), or null.</summary>
    public string? GcStats() => File.Exists(LogFile + ".gc") ? File.ReadAllText(LogFile + ".gc") : null;

    /// <summary>How many methods the app's JIT has compiled so far (tier 0, instrumented and tier 1 each count), or null.</summary>
    public long? JitMethods() =>
        GcStats()?.Split(' ').FirstOrDefault(x => x.StartsWith("jitMethods=", StringComparison.Ordinal)) is { } kv ? long.Parse(kv["jitMethods=".Length..], CultureInfo.InvariantCulture) : null;

    /// <summary>Asks the app for a full compacting collection and answers its GC figures and RSS after it (null after 10 s without).</summary>
    public async Task<(string Gc, double RssMb)?> AfterFullCollectionAsync()
    {
        await File.WriteAllTextAsync(LogFile + ".gc.collect", "");
        var wait = Stopwatch.StartNew();
        while (wait.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(250);
            if (!File.Exists(LogFile + ".gc.collect") && GcStats() is { } gc && gc.StartsWith("collected=True", StringComparison.Ordinal) && Memory() is var (rss, _))
                return (gc, rss);
        }
        return null;
    }

    /// <summary>
    /// Where the resident memory is, from /proc/&lt;pid&gt;/smaps: Rss summed by kind of mapping, with the OS thread count.
    /// Anonymous mappings are told apart by their reserved size: the GC reserves one huge range for its regions (≥ 1 GiB),
    /// glibc's malloc arenas are 64 MiB ranges (or pieces of one), a thread's stack is its own 1.5–8 MiB range with a guard
    /// page; everything else anonymous (JIT code heaps, the loader, the runtime's own allocators) is "other anon".
    /// </summary>
    public string? MemoryMap()
    {
        var smaps = $"/proc/{process.Id}/smaps";
        if (!File.Exists(smaps)) return null;
        var groups = new Dictionary<string, double>();
        var files = new Dictionary<string, double>();
        string? kind = null, name = null;
        foreach (var line in File.ReadLines(smaps))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-') && !parts[0].EndsWith(':'))
            {
                var range = parts[0].Split('-');
                var sizeMb = (Convert.ToUInt64(range[1], 16) - Convert.ToUInt64(range[0], 16)) / 1048576.0;
                name = parts.Length >= 6 ? string.Join(' ', parts[5..]) : null;
                kind = name switch
                {
                    "[heap]" => "native [heap]",
                    "[stack]" => "main stack",
                    { } n when n.StartsWith("/memfd:doublemapper", StringComparison.Ordinal) => "JIT code (doublemapper)",
                    { } n when n.StartsWith('[') => "other " + n,
                    { } n when n.EndsWith(".so", StringComparison.Ordinal) || n.Contains(".so.", StringComparison.Ordinal) => "native libraries (.so)",
                    { } n when n.EndsWith(".dll", StringComparison.Ordinal) => "assemblies (.dll)",
                    { } n when n.StartsWith('/') => "other files",
                    _ when sizeMb >= 1024 => "anon: GC reserve (≥ 1 GiB)",
                    _ when sizeMb is >= 60 and <= 64.01 || sizeMb is > 0 and < 64 && (Convert.ToUInt64(range[0], 16) & 0x3FFFFFF) == 0 => "anon: 64 MiB ranges (malloc arenas)",
                    _ => "anon: other",
                };
                continue;
            }
            if (kind is null || !line.StartsWith("Rss:", StringComparison.Ordinal)) continue;
            var mb = double.Parse(parts[1], CultureInfo.InvariantCulture) / 1024;
            groups[kind] = groups.GetValueOrDefault(kind) + mb;
            if (name is { } f && f.StartsWith('/')) files[f] = files.GetValueOrDefault(f) + mb;
        }
        var threads = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal))?.Split('\t')[^1].Trim();
        var sb = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"threads={threads} rss={groups.Values.Sum():0}MiB:"));
        foreach (var (k, v) in groups.OrderByDescending(g => g.Value)) sb.Append(string.Create(CultureInfo.InvariantCulture, $" {k} {v:0.0};"));
        sb.Append(" largest files:");
        foreach (var (k, v) in files.OrderByDescending(g => g.Value).Take(6)) sb.Append(string.Create(CultureInfo.InvariantCulture, $" {Path.GetFileName(k)} {v:0.0};"));
        return sb.ToString();
    }

    /// <summary>CPU seconds the app process has used so far (user + system, from /proc/&lt;pid&gt;/stat).</summary>
    public double? CpuSeconds()
    {
        var stat = $"/proc/{process.Id}/stat";
        if (!File.Exists(stat)) return null;
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th of them.
        var fields = File.ReadAllText(stat).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        lock (log) log.Dispose();
    }
}
