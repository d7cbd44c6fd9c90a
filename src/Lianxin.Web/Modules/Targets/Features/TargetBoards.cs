using Lianxin.Web.Modules.Targets.Contracts;
using Lianxin.Web.Modules.Targets.Data;
using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Targets.Features;

/// <summary>One community's line: where it stands, what it must reach, and its place among those that finished.</summary>
public record CommunityProgress(Guid AssignmentId, Guid CommunityId, string Community, decimal Actual, decimal Required, int Percent,
    TargetStatus Status, string StatusName, DateTime? CompletedAt, int? FinishedRank, bool CanReport, int Version);

public record TargetSummary(Guid Id, string Title, string Measure, string QuotaText, DateOnly StartOn, DateOnly DueOn, bool Manual,
    int Communities, int Done, int Late);

public record TargetBoard(TargetSummary Target, string? Description, string? Definition, IReadOnlyList<CommunityProgress> Rows);

/// <summary>
/// Completion by community: figures are read live through the indicator catalogue (a compound getting its own branch shows at
/// once); manual targets use the last reported value. Done first in the order they finished, then the rest by how far they are.
/// </summary>
public static class TargetBoards
{
    public static async Task<Outcome<List<TargetSummary>>> ListAsync(LianxinDb db, IndicatorCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(TargetPermissions.TargetView)) return Failure.Forbidden;
        // A community sees the targets set above it through its own parts.
        var ids = await db.TargetAssignments.AsNoTracking().Select(a => a.TargetId).Distinct().ToListAsync(ct);
        var targets = await db.KeyTargets.AcrossScope().AsNoTracking().Where(t => ids.Contains(t.Id))
            .OrderByDescending(t => t.DueOn).ThenBy(t => t.Title).Take(200).ToListAsync(ct);
        var list = new List<TargetSummary>();
        foreach (var t in targets)
        {
            var rows = await RowsAsync(db, catalog, clock, t, ct);
            list.Add(Summary(catalog, t, rows));
        }
        return list;
    }

    public static async Task<Outcome<TargetBoard>> BoardAsync(LianxinDb db, IndicatorCatalog catalog, TimeProvider clock, Guid id, CancellationToken ct)
    {
        if (!await db.TargetAssignments.AnyAsync(a => a.TargetId == id, ct)) return Failure.NotFound;
        var t = await db.KeyTargets.AcrossScope().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        if (!db.Scope.CanAnywhere(TargetPermissions.TargetView)) return Failure.Forbidden;
        var rows = await RowsAsync(db, catalog, clock, t, ct);
        var definition = t.IndicatorCode is { } c ? catalog.Find(c)?.Definition : null;
        return new TargetBoard(Summary(catalog, t, rows), t.Description, definition, rows);
    }

    static TargetSummary Summary(IndicatorCatalog catalog, KeyTarget t, IReadOnlyList<CommunityProgress> rows) =>
        new(t.Id, t.Title, MeasureOf(catalog, t), QuotaText(catalog, t), t.StartOn, t.DueOn, t.IndicatorCode is null, rows.Count,
            rows.Count(r => r.Status == TargetStatus.Done), rows.Count(r => r.Status == TargetStatus.Late));

    public static string MeasureOf(IndicatorCatalog catalog, KeyTarget t) =>
        t.IndicatorCode is { } c ? catalog.Find(c)?.Name ?? c : string.Format(Platform.Localization.Text.Of("自行填报（{0}）"), t.ManualUnit);

    /// <summary>"每个社区达到 3 个", "小区数的 60%", "达到 80%".</summary>
    public static string QuotaText(IndicatorCatalog catalog, KeyTarget t)
    {
        if (t.QuotaKind == QuotaKind.ShareOfBase)
            return string.Format(Platform.Localization.Text.Of("{0}的 {1}%"), t.BaseIndicatorCode is { } b ? catalog.Find(b)?.Name ?? b : "", t.Quota.ToString("0.##"));
        return t.IndicatorCode is { } c && catalog.Find(c)?.Unit == IndicatorUnit.Percent ? string.Format(Platform.Localization.Text.Of("达到 {0}%"), t.Quota.ToString("0.##")) : string.Format(Platform.Localization.Text.Of("达到 {0}{1}"), t.Quota.ToString("0.##"), t.ManualUnit ?? Platform.Localization.Text.Of("个"));
    }

    /// <summary>The parts of a target the caller sees, with live figures. Internal to the module: the completion job uses it too.</summary>
    internal static async Task<List<CommunityProgress>> RowsAsync(LianxinDb db, IndicatorCatalog catalog, TimeProvider clock, KeyTarget t, CancellationToken ct)
    {
        var parts = await db.TargetAssignments.AsNoTracking().Where(a => a.TargetId == t.Id).ToListAsync(ct);
        var today = clock.Today();
        var unit = t.IndicatorCode is { } ic ? catalog.Find(ic)?.Unit : null;
        IReadOnlyDictionary<(string Code, string Path), IndicatorValue> figures = new Dictionary<(string, string), IndicatorValue>();
        if (t.IndicatorCode is not null && parts.Count > 0)
        {
            var codes = new List<string> { t.IndicatorCode };
            if (t.BaseIndicatorCode is { } b) codes.Add(b);
            figures = await catalog.ReadAsync(codes, parts.Select(p => p.OrgPath).ToList(), t.StartOn, today, ct);
        }
        var rows = parts.Select(p =>
        {
            var actual = t.IndicatorCode is { } code ? ValueOf(figures.GetValueOrDefault((code, p.OrgPath)), unit) : p.ReportedValue ?? 0;
            var required = TargetRules.Required(t.QuotaKind, p.Quota,
                t.BaseIndicatorCode is { } b ? figures.GetValueOrDefault((b, p.OrgPath)).Numerator : null);
            var status = TargetRules.Status(actual, required, t.DueOn, today);
            return new CommunityProgress(p.Id, p.CommunityId, p.CommunityName, actual, required, TargetRules.Percent(actual, required), status, status.Chinese(),
                p.CompletedAt, null, t.IndicatorCode is null && db.Scope.Can(TargetPermissions.TargetReport, p.OrgPath), p.Version);
        }).ToList();
        var finished = rows.Where(r => r.CompletedAt is not null).OrderBy(r => r.CompletedAt).Select((r, i) => (r.AssignmentId, Rank: i + 1))
            .ToDictionary(x => x.AssignmentId, x => x.Rank);
        return rows.Select(r => r with { FinishedRank = finished.TryGetValue(r.AssignmentId, out var rank) ? rank : null })
            .OrderBy(r => r.FinishedRank ?? int.MaxValue).ThenByDescending(r => r.Percent).ThenBy(r => r.Community).ToList();
    }

    /// <summary>A rate is shown in per cent (the quota of a rate target is too); counts as they are.</summary>
    static decimal ValueOf(IndicatorValue v, IndicatorUnit? unit) =>
        unit == IndicatorUnit.Percent ? Math.Round((v.Value ?? 0) * 100, 1) : v.Numerator;
}
