using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

/// <summary>
/// The runtime calls <see cref="Initialize"/> before the app's Main when DOTNET_STARTUP_HOOKS names this assembly
/// (the type must be called StartupHook, outside any namespace). It listens to ASP.NET Core's hosting diagnostics:
/// when a request starts it notes the time, and when the response headers go out it adds
/// <c>Server-Timing: app;dur=&lt;ms&gt;</c>, the time from the request reaching the app to its answer being ready.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        DiagnosticListener.AllListeners.Subscribe(new Listeners());
        if (Environment.GetEnvironmentVariable("LIANXIN_BENCH_GC_FILE") is { Length: > 0 } file) GcStats.Start(file);
    }

    /// <summary>
    /// The managed heap as the GC sees it, written to a file every second (only when the bench sets LIANXIN_BENCH_GC_FILE), so
    /// that the app's RSS can be told apart into live objects, garbage not yet collected and memory the GC keeps committed.
    /// When the bench creates <c>&lt;file&gt;.collect</c>, the next write follows a full blocking, compacting collection.
    /// </summary>
    static class GcStats
    {
        static Timer? timer;
        static int busy;

        public static void Start(string file) => timer = new Timer(_ =>
        {
            // Under load a tick can outlast the period: two ticks moving the same .tmp file crashed the app (64 clients, PostgreSQL).
            if (Interlocked.Exchange(ref busy, 1) == 1) return;
            try { Write(file); } finally { Volatile.Write(ref busy, 0); }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        static void Write(string file)
        {
            var collected = File.Exists(file + ".collect");
            if (collected)
            {
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                File.Delete(file + ".collect");
            }
            var info = GC.GetGCMemoryInfo();
            const double Mb = 1024 * 1024;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"collected={collected} server={System.Runtime.GCSettings.IsServerGC} heapMb={GC.GetTotalMemory(false) / Mb:0.0} heapSizeMb={info.HeapSizeBytes / Mb:0.0} " +
                $"committedMb={info.TotalCommittedBytes / Mb:0.0} fragmentedMb={info.FragmentedBytes / Mb:0.0} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} " +
                $"gen2={GC.CollectionCount(2)} threads={System.Threading.ThreadPool.ThreadCount} workingSetMb={Environment.WorkingSet / Mb:0.0} " +
                $"jitMethods={System.Runtime.JitInfo.GetCompiledMethodCount()} jitIlKb={System.Runtime.JitInfo.GetCompiledILBytes() / 1024}");
            File.WriteAllText(file + ".tmp", line);
            File.Move(file + ".tmp", file, overwrite: true);
        }
    }

    sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.AspNetCore")
                listener.Subscribe(new Requests(), name => name.StartsWith("Microsoft.AspNetCore.Hosting.HttpRequestIn", StringComparison.Ordinal));
        }

        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }

    sealed class Requests : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key != "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start" || e.Value is not HttpContext context) return;
            var start = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                context.Response.Headers["Server-Timing"] = "app;dur=" + ms.ToString("0.###", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }
}
