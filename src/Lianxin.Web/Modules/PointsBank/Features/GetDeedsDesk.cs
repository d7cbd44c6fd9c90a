using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>A good deed on the staff's desk: <see cref="Mine"/> when the caller proposed it (they may not approve it).</summary>
public record DeskDeed(GoodDeedRow Deed, string ProposedByName, bool Mine);

public record DeedsDesk(Guid CommunityId, string Community, IReadOnlyList<DeskDeed> Waiting, IReadOnlyList<DeskDeed> Decided);

/// <summary>A community's good deeds for its staff: those waiting for a second person, and the latest decided.</summary>
public static class GetDeedsDesk
{
    public static async Task<Outcome<DeedsDesk>> HandleAsync(LianxinDb db, OrgDirectory org, Guid communityId, CancellationToken ct)
    {
        var c = await org.FindAsync(communityId, ct);
        if (c is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(PointsBankPermissions.Manage, c.Path)) return Failure.Forbidden;
        var deeds = db.PbGoodDeeds.AsNoTracking().Where(d => d.CommunityId == c.Id);
        var waiting = await deeds.Where(d => d.State == DeedState.Proposed).OrderBy(d => d.ProposedAt).Take(200).ToListAsync(ct);
        var decided = await deeds.Where(d => d.State != DeedState.Proposed).OrderByDescending(d => d.DecidedAt).Take(30).ToListAsync(ct);
        var ids = waiting.Concat(decided).Select(d => d.ProposedBy).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var me = db.Scope.UserId;
        DeskDeed Row(GoodDeed d) => new(ProposeGoodDeed.Row(d), names.GetValueOrDefault(d.ProposedBy, "—"), d.ProposedBy == me);
        return new DeedsDesk(c.Id, c.DisplayName, waiting.Select(Row).ToList(), decided.Select(Row).ToList());
    }
}
