using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Lianxin.Web.Platform.Operations;

/// <summary>
/// The app's own instruments, exported with ASP.NET Core's request metrics at <c>/metrics</c> (ADR 0031): job passes
/// by outcome and duration, 503s from a database outage, and the outboxes' backlog and lag as of the last scrape.
/// </summary>
public sealed class LianxinMetrics
{
    public const string MeterName = "Lianxin";

    readonly Counter<long> jobRuns;
    readonly Histogram<double> jobDuration;
    readonly Counter<long> unavailable;
    volatile OutboxFigures[] outboxes = [];

    /// <summary>One outbox at the last scrape: rows waiting, and how long the oldest has waited.</summary>
    public sealed record OutboxFigures(string Outbox, long Pending, double OldestAgeSeconds);

    public LianxinMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        jobRuns = meter.CreateCounter<long>("lianxin.job.runs", "{pass}", "Job passes per tenant, by job and outcome (done, idle: nothing to do and no lease taken, busy: another instance held the lease, failed)");
        jobDuration = meter.CreateHistogram<double>("lianxin.job.duration", "s", "How long a job pass took for one tenant",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300] });
        unavailable = meter.CreateCounter<long>("lianxin.database.unavailable", "{request}", "Requests answered 503 because the database could not be reached");
        meter.CreateObservableGauge("lianxin.outbox.pending", () => outboxes.Select(o => new Measurement<long>(o.Pending, new KeyValuePair<string, object?>("outbox", o.Outbox))),
            "{row}", "Rows waiting in an outbox (integration events, notifications)");
        meter.CreateObservableGauge("lianxin.outbox.lag", () => outboxes.Select(o => new Measurement<double>(o.OldestAgeSeconds, new KeyValuePair<string, object?>("outbox", o.Outbox))),
            "s", "Age of the oldest row still waiting in an outbox; 0 when it is empty");
    }

    public void JobRun(string job, string outcome, TimeSpan took)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        jobRuns.Add(1, tags);
        jobDuration.Record(took.TotalSeconds, tags);
    }

    public void DatabaseUnavailable() => unavailable.Add(1);

    public void SetOutboxes(OutboxFigures[] figures) => outboxes = figures;
}
