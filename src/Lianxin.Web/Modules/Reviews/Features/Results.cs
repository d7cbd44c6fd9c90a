using Lianxin.Web.Modules.Reviews.Data;
using System.Text.Json;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>A reviewer's own note on a unit (评委备注), from the sheet; the street's official 点评 is <see cref="UnitResult.Remark"/>.</summary>
public record ReviewerComment(string Reviewer, string Comment);

public record UnitResult(Guid UnitId, string UnitName, int VisitOrder, double? Total, int? Rank, Dictionary<string, double> Sections,
    int SheetsSubmitted, int SheetsExpected, double? PreviousTotal, int? PreviousRank, double? ChangePoints, int? ChangePlaces,
    List<ReviewerComment> Comments)
{
    /// <summary>The unit's 汇报, 下步工作计划, 表态 and the street's 点评 (逐一点评), once the coordinator has written them.</summary>
    public RemarkDto? Remark { get; init; }
}

public record ConsistencyRow(Guid ReviewerId, string Reviewer, int Units, double MeanDeviation, bool Flagged);

public record SectionInfo(string Code, string Title, double Max);

public record RoundResults(Guid RoundId, string Name, RoundState State, bool Published, double BaseMax, List<SectionInfo> Sections,
    List<UnitResult> Units, List<ConsistencyRow>? Consistency)
{
    /// <summary>Buildings: <see cref="Units"/> are the buildings of a 星级楼组 round.</summary>
    public ReviewTarget Target { get; init; }
}

/// <summary>Totals, sections, ranks and change from the submitted sheets. The coordinator sees them live; the panel after publishing.</summary>
public static class ReviewResults
{
    /// <summary>Mean deviation above this share of the base full marks flags a reviewer (5%: 5 points of 100).</summary>
    public const double ConsistencyShare = 0.05;

    public static async Task<Outcome<RoundResults>> GetAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var round = await db.RoundAsync(id, ct);
        if (round is null) return Failure.NotFound;
        var coordinator = db.Coordinates(round);
        if (!coordinator && round.State != RoundState.Published) return Failure.Conflict("结果发布后才能查看。");
        return await ComputeAsync(db, round, coordinator, ct);
    }

    public static async Task<RoundResults> ComputeAsync(LianxinDb db, ReviewRound round, bool withConsistency, CancellationToken ct)
    {
        var def = await db.DefinitionAsync(round.RubricId, ct);
        var units = await db.RoundUnits.Where(u => u.RoundId == round.Id).OrderBy(u => u.VisitOrder).ToListAsync(ct);
        var panel = await db.Panelists.Where(p => p.RoundId == round.Id).ToDictionaryAsync(p => p.UserId, ct);
        var submitted = await SubmittedAsync(db, def, round.Id, panel, ct);
        var previous = round.PreviousRoundId is { } pid
            ? await db.RoundUnits.Where(u => u.RoundId == pid && u.Published).ToDictionaryAsync(u => u.UnitId, ct)
            : [];
        var settings = round.Settings;
        var remarks = await UnitRemarks.OfRoundAsync(db, round.Id, ct);

        var byUnit = submitted.ToLookup(s => s.UnitId);
        var scored = units.Select(u =>
        {
            var mine = byUnit[u.UnitId].ToList();
            var total = Aggregation.Combine(settings, mine.Select(m => new ReviewerValue(m.ReviewerId, panel[m.ReviewerId].PanelRole, m.Total)).ToList());
            var sections = def.Sections.ToDictionary(s => s.Code, s =>
                Aggregation.Combine(settings, mine.Select(m => new ReviewerValue(m.ReviewerId, panel[m.ReviewerId].PanelRole, m.Sections.GetValueOrDefault(s.Code))).ToList()) ?? 0);
            var comments = mine.Where(m => !string.IsNullOrWhiteSpace(m.Comment))
                .Select(m => new ReviewerComment(panel[m.ReviewerId].DisplayName, m.Comment!)).ToList();
            return (Unit: u, Total: total, Sections: sections, Count: mine.Count, Comments: comments);
        }).ToList();
        var ranks = Ranking.Rank(scored.Select(s => (s.Unit.UnitId, s.Total)));

        var rows = scored.Select(s =>
        {
            previous.TryGetValue(s.Unit.UnitId, out var p);
            int? rank = ranks.TryGetValue(s.Unit.UnitId, out var rk) ? rk : null;
            var change = Ranking.Change(s.Total, rank, p?.Total, p?.Rank);
            return new UnitResult(s.Unit.UnitId, s.Unit.UnitName, s.Unit.VisitOrder, s.Total, rank, s.Sections, s.Count,
                panel.Count, p?.Total, p?.Rank, change?.Points, change?.Places, s.Comments) { Remark = remarks.GetValueOrDefault(s.Unit.UnitId) };
        }).OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.VisitOrder).ToList();

        List<ConsistencyRow>? consistency = null;
        if (withConsistency)
        {
            var threshold = Math.Max(1, def.BaseMax * ConsistencyShare);
            consistency = Consistency.Measure(submitted.Select(s => (s.UnitId, s.ReviewerId, s.Total)), threshold)
                .Select(c => new ConsistencyRow(c.ReviewerId, panel[c.ReviewerId].DisplayName, c.Units, c.MeanDeviation, c.Flagged)).ToList();
        }
        var sectionInfo = def.Sections.Select(s => new SectionInfo(s.Code, s.Title,
            s.Weight * def.Items.Where(i => i.Section == s.Code && i.Type is ItemType.Scored or ItemType.Deduction).Sum(i => i.Max))).ToList();
        return new RoundResults(round.Id, round.Name, round.State, round.State == RoundState.Published, def.BaseMax, sectionInfo, rows, consistency) { Target = round.Target };
    }

    /// <summary>One submitted sheet as the results need it: its total and weighted points per section.</summary>
    record SheetScore(Guid Id, Guid UnitId, Guid ReviewerId, string? Comment, double Total, Dictionary<string, double> Sections);

    /// <summary>
    /// The submitted sheets of the panel with their totals and section points as cached on each sheet when it was saved,
    /// submitted or amended (<see cref="ScoreSheet.Rescore"/>): a few numbers per sheet, not a hundred items to parse and score.
    /// A sheet without the cache (written before it existed, or its entries set directly) is scored from its entries here.
    /// </summary>
    static async Task<List<SheetScore>> SubmittedAsync(LianxinDb db, RubricDefinition def, Guid roundId, Dictionary<Guid, Panelist> panel, CancellationToken ct)
    {
        var rows = await db.ScoreSheets.AsNoTracking().Where(s => s.RoundId == roundId && s.State == SheetState.Submitted)
            .Select(s => new { s.Id, s.UnitId, s.ReviewerId, s.Comment, s.Total, s.SectionTotalsJson }).ToListAsync(ct);
        rows = rows.Where(s => panel.ContainsKey(s.ReviewerId)).ToList();
        var stale = rows.Where(r => r.SectionTotalsJson is null).Select(r => r.Id).ToList();
        var rescored = new Dictionary<Guid, SheetResult>();
        if (stale.Count > 0)
            foreach (var s in await db.ScoreSheets.AsNoTracking().Where(s => stale.Contains(s.Id)).Select(s => new { s.Id, s.EntriesJson }).ToListAsync(ct))
                rescored[s.Id] = ScoreRules.Score(def, JsonSerializer.Deserialize<Dictionary<string, ItemEntry>>(s.EntriesJson, ReviewJson.Options)!);
        return rows.Select(r => rescored.TryGetValue(r.Id, out var fresh)
                ? new SheetScore(r.Id, r.UnitId, r.ReviewerId, r.Comment, fresh.Total, new Dictionary<string, double>(fresh.Sections))
                : new SheetScore(r.Id, r.UnitId, r.ReviewerId, r.Comment, r.Total, JsonSerializer.Deserialize<Dictionary<string, double>>(r.SectionTotalsJson!) ?? []))
            .ToList();
    }

    /// <summary>Writes the results onto the round's units (what a unit sees of itself) and moves star levels. Caller saves.</summary>
    public static async Task StoreAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, ReviewRound round, CancellationToken ct)
    {
        var results = await ComputeAsync(db, round, false, ct);
        var units = await db.RoundUnits.Where(u => u.RoundId == round.Id).ToListAsync(ct);
        foreach (var u in units)
        {
            var r = results.Units.First(x => x.UnitId == u.UnitId);
            u.Total = r.Total;
            u.Rank = r.Rank;
            u.PreviousTotal = r.PreviousTotal;
            u.PreviousRank = r.PreviousRank;
            u.SectionsJson = JsonSerializer.Serialize(r.Sections);
            u.Published = true;
        }
        var def = await db.DefinitionAsync(round.RubricId, ct);
        var programme = await db.Rubrics.Where(r => r.Id == round.RubricId).Select(r => r.Purpose).FirstAsync(ct);
        if (def.Stars.Count > 0)
            await Stars.ApplyAsync(db, org, clock, round, programme, def.Stars, results.Units.Where(u => u.Total is not null).Select(u => (u.UnitId, u.UnitName, units.First(x => x.UnitId == u.UnitId).OrgPath, u.Total!.Value)), ct);
    }
}
