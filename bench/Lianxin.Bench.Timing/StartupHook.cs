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
    public static void Initialize() => DiagnosticListener.AllListeners.Subscribe(new Listeners());

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
