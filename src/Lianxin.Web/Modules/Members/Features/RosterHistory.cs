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
        // Everyone who was ever held in the subtree, whatever their branch today.
        var ids = await db.MemberTransfers.AcrossScope().Where(x => x.On <= on
                && ((x.ToPath != null && x.ToPath.StartsWith(subtreePath)) || (x.FromPath != null && x.FromPath.StartsWith(subtreePath))))
            .Select(x => x.MemberId).Distinct().ToListAsync(ct);
        if (ids.Count == 0) return new([], Array.Empty<MemberTransfer>().ToLookup(x => x.MemberId), Array.Empty<MemberStatusChange>().ToLookup(x => x.MemberId));
        var transfers = (await db.MemberTransfers.AcrossScope().AsNoTracking().Where(x => ids.Contains(x.MemberId)).ToListAsync(ct)).ToLookup(x => x.MemberId);
        var statuses = (await db.MemberStatusChanges.AcrossScope().AsNoTracking().Where(x => ids.Contains(x.MemberId)).ToListAsync(ct)).ToLookup(x => x.MemberId);
        return new(ids, transfers, statuses);
    }

    /// <summary>Those on the roster of <paramref name="subtreePath"/> at the end of <paramref name="on"/>.</summary>
    public IEnumerable<Guid> OnRoster(string subtreePath, DateOnly on) =>
        MemberIds.Where(id => Roster.OnRoster(Transfers[id], Statuses[id], on, subtreePath));
}
