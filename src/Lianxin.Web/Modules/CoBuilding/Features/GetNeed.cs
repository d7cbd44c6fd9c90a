using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record MatchRow(Guid Id, Guid ResourceId, string Resource, Guid PartnerUnitId, string PartnerUnit, int Quantity, string? Note, DateTime ConfirmedAt,
    string ConfirmedBy, bool ByLiaison, Guid? ProjectId);

/// <summary>A resource worth offering: its unit, what is left, how near, whether it covers the rest of the need.</summary>
public record SuggestionRow(Guid ResourceId, string Title, Guid PartnerUnitId, string PartnerUnit, int Remaining, string Measure, DateOnly AvailableFrom,
    DateOnly AvailableTo, string Nearness, bool CoversAll);

public record NeedDetail(Guid Id, Guid UnitId, string Unit, string Title, string? Detail, SupplyKind Kind, string KindName, int Quantity, int Promised,
    int Remaining, string Measure, DateOnly Deadline, string Place, NeedStatus Status, string StatusName, DateTime PublishedAt, string PublishedBy, int Version,
    bool CanManage, bool CanMatch, IReadOnlyList<MatchRow> Matches, IReadOnlyList<SuggestionRow> Suggestions, IReadOnlyList<SuggestionRow> MyResources);

/// <summary>
/// A need with its confirmed matches. Staff also get suggestions (resources of the same kind from units in the same street,
/// nearest first); a liaison gets their own unit's resources with something left, to answer the need with.
/// </summary>
public static class GetNeed
{
    public const int MaxSuggestions = 10;

    public static async Task<Outcome<NeedDetail>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var n = await db.Needs.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Failure.NotFound;
        var today = clock.Today();
        var matches = await db.NeedMatches.AsNoTracking().Where(m => m.NeedId == id).OrderBy(m => m.ConfirmedAt).ToListAsync(ct);
        var street = LoopRules.StreetOf(n.OrgPath);
        var staff = LoopAccess.Staff(db, n.OrgPath);
        var mine = await LoopAccess.MyUnitsAsync(db, ct);
        var open = n.Status == NeedStatus.Open;

        // Units serve the whole street: resources of units stationed next door or at the street are offered too.
        var near = db.Resources.AcrossScope().AsNoTracking().Where(r => r.OrgPath.StartsWith(street) && r.Promised < r.Quantity && r.AvailableTo >= today);
        var suggestions = !open || !staff ? [] : LoopRules.Suggest(n.Kind, n.OrgPath, n.Remaining, n.Deadline, today,
                (await near.Where(r => r.Kind == n.Kind).ToListAsync(ct)).Select(Candidate))
            .Take(MaxSuggestions).ToList();
        var own = !open || mine.Count == 0 ? [] : await near.Where(r => mine.Contains(r.PartnerUnitId)).OrderBy(r => r.Title).ToListAsync(ct);

        var resourceIds = matches.Select(m => m.ResourceId).Concat(suggestions.Select(s => s.Resource.Id)).Distinct().ToList();
        var resources = await db.Resources.AcrossScope().AsNoTracking().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var r in own) resources.TryAdd(r.Id, r);
        var units = await LoopAccess.UnitNamesAsync(db, resources.Values.Select(r => r.PartnerUnitId), ct);
        var unitName = (await org.NamesAsync([n.UnitId], ct)).GetValueOrDefault(n.UnitId, "—");

        SuggestionRow Row(Resource r, string nearness, bool covers) => new(r.Id, r.Title, r.PartnerUnitId, units.GetValueOrDefault(r.PartnerUnitId, "—"),
            r.Remaining, r.Measure, r.AvailableFrom, r.AvailableTo, nearness, covers);
        return new NeedDetail(n.Id, n.UnitId, unitName, n.Title, n.Detail, n.Kind, n.Kind.Chinese(), n.Quantity, n.Promised, n.Remaining, n.Measure, n.Deadline, n.Place,
            n.Status, n.Status.Chinese(), n.PublishedAt, n.PublishedBy, n.Version, staff, open && (staff || own.Count > 0),
            matches.Select(m => new MatchRow(m.Id, m.ResourceId, resources.TryGetValue(m.ResourceId, out var r) ? r.Title : "—", m.PartnerUnitId,
                units.GetValueOrDefault(m.PartnerUnitId, "—"), m.Quantity, m.Note, m.ConfirmedAt, m.ConfirmedBy, m.ByLiaison, m.ProjectId)).ToList(),
            suggestions.Select(s => Row(resources[s.Resource.Id], s.Nearness.Chinese(), s.CoversAll)).ToList(),
            own.Select(r => Row(r, "本单位", r.Remaining >= n.Remaining)).ToList());
    }

    internal static Candidate Candidate(Resource r) => new(r.Id, r.Kind, r.OrgPath, r.Remaining, r.AvailableFrom, r.AvailableTo);
}
