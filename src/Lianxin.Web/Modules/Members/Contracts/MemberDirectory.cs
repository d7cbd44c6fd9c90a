using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Contracts;

/// <summary>A party member as other modules see it: no ID number, no phone, no address.</summary>
public record MemberRef(Guid Id, string Name, Guid BranchId, string BranchPath, bool OnRoster, bool Probationary, Guid? UserId);

/// <summary>
/// The roster as other modules read it (ADR 0016): org life checks attendees against it, volunteering and the points
/// bank find the member behind an account. Methods without <c>InDistrict</c> see what the caller sees.
/// </summary>
public class MemberDirectory(LianxinDb db)
{
    static IQueryable<MemberRef> Refs(IQueryable<Member> members) => members.AsNoTracking()
        .Select(m => new MemberRef(m.Id, m.Name, m.BranchId, m.OrgPath,
            m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended, m.Category == MemberCategory.Probationary, m.UserId));

    /// <summary>The member when the caller sees them (else null: answer 404).</summary>
    public Task<MemberRef?> FindAsync(Guid id, CancellationToken ct) => Refs(db.Members.Where(m => m.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Members of the district by id, seen or not (names on a record the caller may read).</summary>
    public async Task<IReadOnlyList<MemberRef>> ManyInDistrictAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await Refs(db.Members.AcrossScope().Where(m => list.Contains(m.Id))).ToListAsync(ct);
    }

    /// <summary>The member linked to a sign-in account, anywhere in the district (a member's own pages).</summary>
    public Task<MemberRef?> OfUserInDistrictAsync(Guid userId, CancellationToken ct) =>
        Refs(db.Members.AcrossScope().Where(m => m.UserId == userId)).FirstOrDefaultAsync(ct);

    /// <summary>Whether anyone in the district's roster, on it or not, has this ID number (by its keyed hash).</summary>
    public Task<bool> HoldsIdNumberAsync(string idNumberHash, CancellationToken ct) =>
        db.Members.AcrossScope().AnyAsync(m => m.IdNumberHash == idNumberHash, ct);

    /// <summary>Members on the roster of a unit's subtree (path prefix) today, by name.</summary>
    public Task<List<MemberRef>> RosterAsync(string subtreePath, CancellationToken ct) =>
        Refs(db.Members.AcrossScope().Where(m => m.OrgPath.StartsWith(subtreePath)
                && (m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended)).OrderBy(m => m.Name))
            .ToListAsync(ct);

    /// <summary>
    /// Ids of the members on the roster of a unit's subtree at the end of <paramref name="on"/>, rebuilt from the
    /// transfer and status histories (a meeting last March is checked against last March's roster).
    /// </summary>
    public async Task<IReadOnlySet<Guid>> RosterOnAsync(string subtreePath, DateOnly on, CancellationToken ct) =>
        (await RosterHistory.LoadAsync(db, subtreePath, on, ct)).OnRoster(subtreePath, on).ToHashSet();
}
