using System.Diagnostics;

namespace Lianxin.Tests.OpenApi;

/// <summary>
/// The npm tools of tests/Lianxin.Tests/package.json (the linter, the client generator, the compiler), installed by the test
/// project's build with <c>npm ci</c> and run here offline with node.
/// </summary>
public static class NodeTools
{
    static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && Directory.Exists(Path.Combine(dir.FullName, "node_modules", "@redocly")))
                return dir.FullName;
        throw new InvalidOperationException("tests/Lianxin.Tests/node_modules is missing: build the test project (it runs npm ci).");
    });

    /// <summary>Runs <c>node_modules/&lt;script&gt;</c> with node in <paramref name="workDir"/>; the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, string workDir, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Folder.Value, "node_modules", script));
        foreach (var a in args) start.ArgumentList.Add(a);
        // Offline: no usage telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
