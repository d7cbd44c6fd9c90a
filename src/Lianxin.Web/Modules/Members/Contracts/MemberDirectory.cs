using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Contracts;

/// <summary>Days [From, To] a member was on a branch's roster; <c>To</c> null while they still are.</summary>
public record RosterSpan(Guid BranchId, string BranchPath, DateOnly From, DateOnly? To);

/// <summary>A party member as other modules see it: no ID number, no phone, no address.</summary>
public record MemberRef(Guid Id, string Name, Guid BranchId, string BranchPath, bool OnRoster, bool Probationary, Guid? UserId);

/// <summary>A member on a roster on a day, and the path of the branch holding them that day.</summary>
public record RosterPlace(Guid MemberId, string BranchPath);

/// <summary>
/// The branch whose org life a member's attendance counts in on a day: the mobile-member branch (流动党员党支部) while they work
/// away (<see cref="Mobile"/>), else the branch holding their membership.
/// </summary>
public record OrgLifeBranch(Guid BranchId, string BranchPath, bool Mobile);

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
    /// The spans of days a member was on the roster of a branch, oldest first (<c>To</c> null: still there), rebuilt from
    /// their transfer and status histories: what a member's calendar feed selects their branches' meetings by.
    /// </summary>
    public async Task<IReadOnlyList<RosterSpan>> RosterSpansAsync(Guid memberId, CancellationToken ct)
    {
        var transfers = await db.MemberTransfers.AcrossScope().AsNoTracking().Where(x => x.MemberId == memberId).ToListAsync(ct);
        var statuses = await db.MemberStatusChanges.AcrossScope().AsNoTracking().Where(x => x.MemberId == memberId).ToListAsync(ct);
        var spans = new List<RosterSpan>();
        foreach (var day in transfers.Select(t => t.On).Concat(statuses.Select(s => s.On)).Distinct().Order())
        {
            var held = transfers.Where(t => t.On <= day).OrderBy(t => t.On).ThenBy(t => t.RecordedAt).ThenBy(t => t.Id).LastOrDefault();
            var branch = held?.ToBranchId is { } to && Roster.StatusOn(statuses, day) is MemberStatus.Normal or MemberStatus.Suspended ? to : (Guid?)null;
            var open = spans.Count > 0 && spans[^1].To is null ? spans[^1] : null;
            if (open is not null && open.BranchId == branch) continue;
            if (open is not null) spans[^1] = open with { To = day.AddDays(-1) };
            if (branch is { } b) spans.Add(new RosterSpan(b, held!.ToPath!, day, null));
        }
        return spans;
    }

    /// <summary>
    /// Ids of the members on the roster of a unit's subtree at the end of <paramref name="on"/>, rebuilt from the
    /// transfer and status histories (a meeting last March is checked against last March's roster).
    /// </summary>
    public async Task<IReadOnlySet<Guid>> RosterOnAsync(string subtreePath, DateOnly on, CancellationToken ct) =>
        (await RosterHistory.LoadAsync(db, subtreePath, on, ct)).OnRoster(subtreePath, on).ToHashSet();

    /// <summary>
    /// The members on the roster of a unit's subtree at the end of <paramref name="on"/>, each with the path of the branch holding
    /// them that day, rebuilt from the histories in a constant number of statements. A member is on the roster of a subtree
    /// under <paramref name="subtreePath"/> exactly when that path is under it: figures for many subtrees read their common
    /// ancestor once and split it (ADR 0039), where <see cref="RosterOnAsync"/> per subtree would read the histories each time.
    /// </summary>
    public async Task<IReadOnlyList<RosterPlace>> RosterPlacesOnAsync(string subtreePath, DateOnly on, CancellationToken ct) =>
        (await RosterHistory.LoadAsync(db, subtreePath, on, ct)).HeldOn(on)
            .Where(x => x.BranchPath.StartsWith(subtreePath, StringComparison.Ordinal)).Select(x => new RosterPlace(x.MemberId, x.BranchPath)).ToList();

    /// <summary>
    /// Where a member's org life counts at the end of <paramref name="on"/>: the mobile-member branch while they work away, else the
    /// branch on whose roster they were; null when they were not on the district's roster that day.
    /// </summary>
    public async Task<OrgLifeBranch?> OrgLifeBranchOnAsync(Guid memberId, DateOnly on, CancellationToken ct)
    {
        var held = (await RosterSpansAsync(memberId, ct)).FirstOrDefault(s => s.From <= on && (s.To is not { } to || on <= to));
        if (held is null) return null;
        var away = await Away(on).Where(x => x.MemberId == memberId).Select(x => new { x.MobileBranchId, x.MobileBranchPath }).FirstOrDefaultAsync(ct);
        return away is null ? new OrgLifeBranch(held.BranchId, held.BranchPath, false) : new OrgLifeBranch(away.MobileBranchId, away.MobileBranchPath, true);
    }

    /// <summary>
    /// Whose org life counts in a unit's subtree at the end of <paramref name="on"/> (the attendance sheet of a meeting that day): its
    /// roster of that day, less those working away with a mobile branch outside the subtree, plus members of the district's roster
    /// working away with a mobile branch inside it.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> OrgLifeAttendeesOnAsync(string subtreePath, DateOnly on, CancellationToken ct)
    {
        var roster = (await RosterOnAsync(subtreePath, on, ct)).ToHashSet();
        var away = await Away(on).Select(x => new { x.MemberId, x.MobileBranchPath }).ToListAsync(ct);
        if (away.Count == 0) return roster;
        roster.ExceptWith(away.Where(x => !x.MobileBranchPath.StartsWith(subtreePath, StringComparison.Ordinal)).Select(x => x.MemberId));
        var hosted = away.Where(x => x.MobileBranchPath.StartsWith(subtreePath, StringComparison.Ordinal)).Select(x => x.MemberId).Distinct().ToList();
        if (hosted.Count > 0)
        {
            var transfers = (await db.MemberTransfers.AcrossScope().AsNoTracking().Where(x => hosted.Contains(x.MemberId)).ToListAsync(ct)).ToLookup(x => x.MemberId);
            var statuses = (await db.MemberStatusChanges.AcrossScope().AsNoTracking().Where(x => hosted.Contains(x.MemberId)).ToListAsync(ct)).ToLookup(x => x.MemberId);
            roster.UnionWith(hosted.Where(id => Roster.OnRoster(transfers[id], statuses[id], on, "")));
        }
        return roster;
    }

    /// <summary>Spans of working away that cover the day (the day they came back no longer counts).</summary>
    IQueryable<MobileMembership> Away(DateOnly on) =>
        db.MobileMemberships.AcrossScope().AsNoTracking().Where(x => x.StartedOn <= on && (x.EndedOn == null || x.EndedOn > on));
}
