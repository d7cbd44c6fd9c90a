using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

public record ReserveRow(Guid Id, Guid CommunityId, string CommunityName, string Name, bool IsMember, string Gender, int? BirthYear, string? Education,
    ReserveTrack Track, string TrackName, DateOnly Since, string? Note);

/// <summary>Per community: how many reserve cadres it has on each track (a community without any is the street's concern).</summary>
public record ReserveCommunity(Guid CommunityId, string Name, int Count, int LeadingGeese);

public record ReserveList(Guid? CommunityId, IReadOnlyList<ReserveRow> Rows, IReadOnlyList<ReserveCommunity> Communities, bool CanManage);

/// <summary>后备干部 (书记助理、主任助理、领头雁) per community, in the caller's scope.</summary>
public static class ListReserveCadres
{
    public static async Task<Outcome<ReserveList>> HandleAsync(LianxinDb db, OrgDirectory org, Guid? communityId, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PartyWorkPermissions.View)) return Failure.Forbidden;
        var communities = await org.InScopeAsync(ct, true, OrgKind.Community);
        if (communityId is { } cid && communities.All(c => c.Id != cid)) return Failure.NotFound;
        var all = await db.ReserveCadres.AsNoTracking().OrderBy(r => r.Track).ThenBy(r => r.Since).ToListAsync(ct);
        var names = communities.ToDictionary(c => c.Id, c => c.DisplayName);
        var rows = all.Where(r => communityId is null || r.CommunityId == communityId)
            .Select(r => new ReserveRow(r.Id, r.CommunityId, names.GetValueOrDefault(r.CommunityId, "—"), r.Name, r.MemberId is not null, r.Female ? "女" : "男",
                r.BirthYear, r.Education, r.Track, r.Track.Chinese(), r.Since, r.Note)).ToList();
        var counts = communities.Select(c => new ReserveCommunity(c.Id, c.DisplayName, all.Count(r => r.CommunityId == c.Id),
            all.Count(r => r.CommunityId == c.Id && r.Track == ReserveTrack.LeadingGoose))).ToList();
        var canManage = communityId is { } id2 ? db.Scope.Can(PartyWorkPermissions.Approve, communities.First(c => c.Id == id2).Path)
            : db.Scope.CanAnywhere(PartyWorkPermissions.Approve);
        return new ReserveList(communityId, rows, counts, canManage);
    }
}
