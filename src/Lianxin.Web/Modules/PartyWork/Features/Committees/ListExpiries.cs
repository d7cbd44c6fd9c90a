using System.Text.Json.Serialization;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

/// <summary>Which rows of the street's list: terms ending within 6 months (or past), vacant secretaries, units with no committee recorded, or all.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExpiryFilter>))]
public enum ExpiryFilter { Due, Vacant, Missing, All }

/// <summary>A unit's committee of one kind (or its absence: <see cref="CommitteeId"/> null).</summary>
public record ExpiryRow(Guid UnitId, string UnitName, string CommunityName, CommitteeKind Kind, string KindName, Guid? CommitteeId, DateOnly? TermStart,
    DateOnly? TermEndsOn, int? DaysLeft, TermStatus? Status, string? StatusName, bool VacantSecretary, string? Head);

public record ExpiryList(Guid? UnitId, string UnitName, ExpiryFilter Filter, IReadOnlyList<ExpiryRow> Rows, int Expired, int WithinThree, int WithinSix,
    int Vacant, int Missing, IReadOnlyList<OrgUnitRef> Units, DateOnly Today);

/// <summary>
/// The street's list of committees (换届提醒): every branch's and community's current committee with its term's end counted from
/// today's clock, the ones ending within 6 and 3 months highlighted, vacant secretaries and units with no committee recorded.
/// </summary>
public static class ListExpiries
{
    public static async Task<Outcome<ExpiryList>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, ExpiryFilter filter, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PartyWorkPermissions.View)) return Failure.Forbidden;
        OrgUnitRef? root = null;
        if (unitId is { } uid && (root = await org.FindAsync(uid, ct)) is null) return Failure.NotFound;
        var units = (await org.InScopeAsync(ct, true, OrgKind.Community, OrgKind.Branch))
            .Where(u => root is null || u.Path.StartsWith(root.Path, StringComparison.Ordinal)).ToList();
        var q = db.Committees.AsNoTracking().Where(c => c.Current);
        if (root is not null) q = q.Where(c => c.OrgPath.StartsWith(root.Path));
        var committees = await q.ToListAsync(ct);
        var ids = committees.Select(c => c.Id).ToList();
        var seats = (await db.PartyCommitteeSeats.AsNoTracking().Where(s => ids.Contains(s.CommitteeId) && s.LeftOn == null).ToListAsync(ct)).ToLookup(s => s.CommitteeId);
        var byUnit = committees.ToLookup(c => (c.UnitId, c.Kind));
        var communities = units.Where(u => u.Kind == OrgKind.Community).ToList();
        var today = clock.Today();

        var rows = new List<ExpiryRow>();
        foreach (var u in units)
        {
            var community = u.Kind == OrgKind.Community ? "" : communities.FirstOrDefault(c => u.Path.StartsWith(c.Path, StringComparison.Ordinal))?.DisplayName ?? "";
            foreach (var kind in CommitteeRules.KindsOf(u.Kind))
            {
                var c = byUnit[(u.Id, kind)].FirstOrDefault();
                if (c is null)
                {
                    // The residents' and supervision committees are listed only where the street records them.
                    if (kind.IsParty()) rows.Add(new ExpiryRow(u.Id, u.DisplayName, community, kind, kind.Chinese(), null, null, null, null, null, null, false, null));
                    continue;
                }
                var sitting = seats[c.Id].ToList();
                var status = CommitteeRules.Status(c.TermEndsOn, today);
                var head = sitting.FirstOrDefault(s => s.Post is CommitteeRules.Secretary or CommitteeRules.Director)?.Name;
                rows.Add(new ExpiryRow(u.Id, u.DisplayName, community, kind, kind.Chinese(), c.Id, c.TermStart, c.TermEndsOn, c.TermEndsOn.DayNumber - today.DayNumber,
                    status, status.Chinese(), CommitteeTerms.VacantSecretary(kind, sitting), head));
            }
        }
        var shown = filter switch
        {
            ExpiryFilter.Due => rows.Where(r => r.Status is TermStatus.Expired or TermStatus.WithinThreeMonths or TermStatus.WithinSixMonths),
            ExpiryFilter.Vacant => rows.Where(r => r.VacantSecretary),
            ExpiryFilter.Missing => rows.Where(r => r.CommitteeId is null),
            _ => rows,
        };
        var streetsAndCommunities = await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community);
        return new ExpiryList(root?.Id, root?.DisplayName ?? "全部", filter,
            shown.OrderBy(r => r.TermEndsOn ?? DateOnly.MaxValue).ThenBy(r => r.CommunityName).ThenBy(r => r.UnitName).ToList(),
            rows.Count(r => r.Status == TermStatus.Expired), rows.Count(r => r.Status == TermStatus.WithinThreeMonths),
            rows.Count(r => r.Status == TermStatus.WithinSixMonths), rows.Count(r => r.VacantSecretary), rows.Count(r => r.CommitteeId is null),
            streetsAndCommunities, today);
    }
}
