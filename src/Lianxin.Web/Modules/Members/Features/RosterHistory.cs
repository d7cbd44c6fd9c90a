using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// The transfer and status histories of everyone ever held in a subtree up to a day: what the roster of a past day is
/// rebuilt from (<see cref="Roster"/>), for the roster page and for other modules through the directory.
/// </summary>
public sealed record RosterHistory(IReadOnlyList<Guid> MemberIds, ILookup<Guid, MemberTransfer> Transfers, ILookup<Guid, MemberStatusChange> Statuses)
{
    public static async Task<RosterHistory> LoadAsync(LianxinDb db, string subtreePath, DateOnly on, CancellationToken ct)
    {
        // Everyone who was ever held in the subtree, whatever their branch today: a subquery, not a list of ids sent back,
        // so a whole district's history is two statements whatever the number of members.
        var held = db.MemberTransfers.AcrossScope().Where(x => x.On <= on
                && ((x.ToPath != null && x.ToPath.StartsWith(subtreePath)) || (x.FromPath != null && x.FromPath.StartsWith(subtreePath))))
            .Select(x => x.MemberId);
        var transfers = (await db.MemberTransfers.AcrossScope().AsNoTracking().Where(x => held.Contains(x.MemberId)).ToListAsync(ct)).ToLookup(x => x.MemberId);
        if (transfers.Count == 0) return new([], transfers, Array.Empty<MemberStatusChange>().ToLookup(x => x.MemberId));
        var statuses = (await db.MemberStatusChanges.AcrossScope().AsNoTracking().Where(x => held.Contains(x.MemberId)).ToListAsync(ct)).ToLookup(x => x.MemberId);
        // Every member held has the transfer that matched, and every transfer read is a held member's.
        return new(transfers.Select(g => g.Key).ToList(), transfers, statuses);
    }

    /// <summary>Those on the roster of <paramref name="subtreePath"/> at the end of <paramref name="on"/>.</summary>
    public IEnumerable<Guid> OnRoster(string subtreePath, DateOnly on) =>
        MemberIds.Where(id => Roster.OnRoster(Transfers[id], Statuses[id], on, subtreePath));

    /// <summary>
    /// Those on the roster of any branch at the end of <paramref name="on"/>, with the branch's path then: a member is on the roster
    /// of a subtree that day exactly when this path is under it (<see cref="Roster.OnRoster"/>).
    /// </summary>
    public IEnumerable<(Guid MemberId, string BranchPath)> HeldOn(DateOnly on) =>
        MemberIds.Select(id => (Id: id, Path: Roster.PathOn(Transfers[id], on)))
            .Where(x => x.Path is not null && Roster.StatusOn(Statuses[x.Id], on) is MemberStatus.Normal or MemberStatus.Suspended)
            .Select(x => (x.Id, x.Path!));
}
