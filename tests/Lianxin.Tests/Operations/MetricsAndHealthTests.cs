using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Events;

namespace Lianxin.Tests.Operations;

/// <summary>The probes and /metrics on the shared demo app (ADR 0031): who may read the metrics, and what a scraper sees.</summary>
[Collection(AppCollection.Name)]
public class MetricsAndHealthTests(LianxinApp app)
{
    [Fact]
    public async Task Liveness_answers_and_readiness_reports_the_database_with_every_migration_applied()
    {
        var anon = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/health")).StatusCode);
        var ready = await anon.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var database = Assert.Single(body.GetProperty("checks").EnumerateArray());
        Assert.Contains("迁移已全部应用", database.GetProperty("description").GetString());
    }

    // ASP.NET Core records a request's duration when it disposes the request, which the test server may do after the
    // client already holds the response, so the test waits for the measurement itself. That was not the flake (ADR 0038):
    // in a SQLite run of the focused tests the 404 was measured and the scrape still held only target_info, so the
    // exporter's meter provider was not listening in that host at all. Suspect: several hosts in one test process.
    [Fact(Skip = "flaky: a scrape held only target_info although the request was measured; see ADR 0038")]
    public async Task A_scraper_on_the_same_machine_reads_request_latency_errors_job_runs_and_outbox_lag()
    {
        var recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: "Microsoft.AspNetCore.Hosting", Name: "http.server.request.duration" }) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "http.response.status_code", Value: 404 }) recorded.TrySetResult();
        });
        listener.Start();
        await app.CreateClient().GetAsync("/no-such-page-for-metrics");
        await recorded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.RunJobAsync<EventDispatchJob>();

        var (status, text) = await ScrapeAsync(IPAddress.Loopback);

        Assert.Equal(200, status);
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
        Assert.Contains("http_response_status_code=\"404\"", text);
        Assert.Matches("lianxin_job_runs_total\\{[^}]*job=\"platform.events\"", text);
        Assert.Matches("lianxin_job_duration_seconds_bucket\\{[^}]*job=\"platform.events\"", text);
        Assert.Matches("lianxin_outbox_pending\\{[^}]*outbox=\"notifications\"", text);
        Assert.Matches("lianxin_outbox_lag_seconds\\{[^}]*outbox=\"events\"", text);
    }

    [Fact]
    public async Task Someone_else_gets_the_ordinary_404_unless_signed_in_as_a_district_admin()
    {
        var remote = IPAddress.Parse("192.0.2.10");
        Assert.Equal(404, (await ScrapeAsync(remote)).Status);
        // Through a proxy on the same machine the caller is whoever the proxy forwards: not the machine itself.
        Assert.Equal(404, (await ScrapeAsync(IPAddress.Loopback, forwardedFor: "192.0.2.10")).Status);
        Assert.Equal(404, (await ScrapeAsync(remote, bearer: await TokenOf("street"))).Status);

        var (status, text) = await ScrapeAsync(remote, bearer: await TokenOf("admin"));
        Assert.Equal(200, status);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    async Task<string> TokenOf(string user) => (await app.ApiAs(user)).DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>The test server lets the test say where a request comes from, as Kestrel would from the socket.</summary>
    async Task<(int Status, string Text)> ScrapeAsync(IPAddress from, string? bearer = null, string? forwardedFor = null)
    {
        var ctx = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = from;
            if (bearer is not null) c.Request.Headers.Authorization = "Bearer " + bearer;
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        return (ctx.Response.StatusCode, await new StreamReader(ctx.Response.Body).ReadToEndAsync());
    }
}
