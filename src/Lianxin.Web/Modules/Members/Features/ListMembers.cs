using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Lists;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// The roster filters of the list page, the API and the export. <see cref="Status"/> null means "on the roster"
/// (正常 and 停止党籍). <see cref="Q"/> is a name, a phone or an exact ID number.
/// </summary>
public class MemberFilter
{
    public Guid? UnitId { get; set; }
    public MemberCategory? Category { get; set; }
    public MemberStatus? Status { get; set; }
    public Employment? Employment { get; set; }
    public Guid? CompoundId { get; set; }
    public string? Q { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 20;
    /// <summary>An opaque cursor from a previous page's next or previous (ADR 0036); wins over <see cref="Page"/>.</summary>
    public string? Cursor { get; set; }
}

/// <summary>A page of the roster: a keyset page (ADR 0036) whose total is a lower bound beyond the count cap.</summary>
public record MemberPage(IReadOnlyList<MemberDto> Items, int Total, bool TotalIsLowerBound, int Page, int PageSize, string? Next, string? Previous)
    : ListPage<MemberDto>(Items, Total, TotalIsLowerBound, Page, PageSize, Next, Previous);

public static class ListMembers
{
    /// <summary>Members in the caller's scope matching the filter; an out-of-scope unit is a 404.</summary>
    public static async Task<Outcome<IQueryable<Member>>> QueryAsync(LianxinDb db, OrgDirectory units, PersonalData pd, MemberFilter f, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MemberPermissions.MemberView)) return Failure.Forbidden;
        var q = db.Members.AsNoTracking().AsQueryable();
        if (f.UnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, ct);
            if (unit is null) return Failure.NotFound;
            if (!db.Scope.Can(MemberPermissions.MemberView, unit.Path)) return Failure.Forbidden;
            q = q.Where(m => m.OrgPath.StartsWith(unit.Path));
        }
        else
        {
            // Only where the caller may view members, not wherever they merely see the tree.
            var paths = db.Scope.Grants.Where(g => g.Role.Allows(MemberPermissions.MemberView)).Select(g => g.OrgPath).ToArray();
            if (!db.Scope.Unrestricted) q = q.Where(m => paths.Any(p => m.OrgPath.StartsWith(p)));
        }
        q = f.Status is { } s ? q.Where(m => m.Status == s) : q.Where(m => m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended);
        if (f.Category is { } c) q = q.Where(m => m.Category == c);
        if (f.Employment is { } e) q = q.Where(m => m.Employment == e);
        if (f.CompoundId is { } compound) q = q.Where(m => m.CompoundId == compound);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            if (CitizenId.IsValid(text))
            {
                var hash = pd.Hash(text);
                q = q.Where(m => m.IdNumberHash == hash);
            }
            // Phones are encrypted (ADR 0030): the whole number (also +86 …) is found by its keyed hash, never a fragment.
            else if (pd.PhoneHash(text) is { } phoneHash && PhoneNumber.IsMobile(PhoneNumber.Normalize(text)))
                q = q.Where(m => m.PhoneHash == phoneHash);
            else
            {
                // The index narrows the rows (a superset), the substring test keeps exactly the names containing the text.
                var candidates = SearchTerms.Candidates(db, db.Members, "mem_members", text);
                q = (candidates is null ? q : q.Where(m => candidates.Select(c => c.Id).Contains(m.Id))).Where(m => m.Name.Contains(text));
            }
        }
        return new Outcome<IQueryable<Member>>(OutcomeKind.Ok, q);
    }

    public static async Task<Outcome<MemberPage>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock,
        MemberFilter f, int countCap, CancellationToken ct)
    {
        var query = await QueryAsync(db, units, pd, f, ct);
        if (!query.IsOk) return query.AsFailure();
        var page = await Keyset.PageAsync(query.Value!, ByBranchAndName, f.Cursor, Math.Max(1, f.Page), Math.Clamp(f.PageSize, 1, 200), countCap, ct);
        if (!page.IsOk) return page.AsFailure();
        var p = page.Value!;
        return new MemberPage(await db.ToDtosAsync(units, places, pd, p.Items.ToList(), clock.Today(), ct), p.Total, p.TotalIsLowerBound, p.Page, p.PageSize, p.Next, p.Previous);
    }

    /// <summary>By branch path, then name, then Id (unique): the roster's order, paged by keyset.</summary>
    static readonly KeysetOrder<Member, Member> ByBranchAndName = new("members", 3,
        (q, back) => back
            ? q.OrderByDescending(m => m.OrgPath).ThenByDescending(m => m.Name).ThenByDescending(m => m.Id)
            : q.OrderBy(m => m.OrgPath).ThenBy(m => m.Name).ThenBy(m => m.Id),
        (keys, back) =>
        {
            if (!Guid.TryParse(keys[2], out var id)) return null;
            var (path, name) = (keys[0], keys[1]);
            return back
                ? m => string.Compare(m.OrgPath, path) < 0 || (m.OrgPath == path && (string.Compare(m.Name, name) < 0 || (m.Name == name && m.Id.CompareTo(id) < 0)))
                : m => string.Compare(m.OrgPath, path) > 0 || (m.OrgPath == path && (string.Compare(m.Name, name) > 0 || (m.Name == name && m.Id.CompareTo(id) > 0)));
        },
        m => m,
        m => [m.OrgPath, m.Name, m.Id.ToString()]);
}

public record Count(string Name, int Value);
public record MemberStats(Guid UnitId, string UnitName, int Total, IReadOnlyList<Count> ByCategory, IReadOnlyList<Count> ByAgeBand, IReadOnlyList<Count> ByGender, IReadOnlyList<Count> ByEmployment);

/// <summary>Counts by category, age band, gender and employment for a unit's subtree (members on the roster today).</summary>
public static class MemberStatistics
{
    public static async Task<Outcome<MemberStats>> HandleAsync(LianxinDb db, OrgDirectory units, TimeProvider clock, Guid unitId, CancellationToken ct)
    {
        var unit = await units.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, unit.Path)) return Failure.Forbidden;
        // Counted by the database in one GROUP BY (at most 2 × 2 × employments × 5 groups) rather than a row per member of a
        // district read into memory; an age band is a range of birth dates.
        var today = clock.Today();
        var (b36, b46, b61, b71) = (AgeBands.BornBy(36, today), AgeBands.BornBy(46, today), AgeBands.BornBy(61, today), AgeBands.BornBy(71, today));
        var groups = await db.Members.AsNoTracking()
            .Where(m => m.OrgPath.StartsWith(unit.Path) && (m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended))
            .GroupBy(m => new { m.Category, m.Gender, m.Employment, Band = m.BirthDate <= b71 ? 4 : m.BirthDate <= b61 ? 3 : m.BirthDate <= b46 ? 2 : m.BirthDate <= b36 ? 1 : 0 })
            .Select(g => new { g.Key.Category, g.Key.Gender, g.Key.Employment, g.Key.Band, Count = g.Count() }).ToListAsync(ct);
        return new MemberStats(unit.Id, unit.Name, groups.Sum(g => g.Count),
            Enum.GetValues<MemberCategory>().Select(c => new Count(c.Chinese(), groups.Where(g => g.Category == c).Sum(g => g.Count))).ToList(),
            AgeBands.Names.Select((b, i) => new Count(b, groups.Where(g => g.Band == i).Sum(g => g.Count))).ToList(),
            Enum.GetValues<Gender>().Select(x => new Count(x.Chinese(), groups.Where(g => g.Gender == x).Sum(g => g.Count))).ToList(),
            Enum.GetValues<Employment>().Select(e => new Count(e.Chinese(), groups.Where(g => g.Employment == e).Sum(g => g.Count))).ToList());
    }
}

/// <summary>Units the caller may choose in filters and forms: communities and branches where they may view (or manage) members.</summary>
public static class MemberUnits
{
    public record UnitOption(Guid Id, string Name, string Path, OrgKind Kind, int Depth);

    internal static readonly OrgKind[] Choosable = Enum.GetValues<OrgKind>().Where(k => k != OrgKind.Group).ToArray();

    public static async Task<List<UnitOption>> VisibleAsync(LianxinDb db, OrgDirectory units, Permission permission, CancellationToken ct) =>
        (await units.InScopeAsync(ct, activeOnly: true, Choosable)).Where(u => db.Scope.Can(permission, u.Path))
            .Select(u => new UnitOption(u.Id, u.Name, u.Path, u.Kind, u.Depth)).ToList();
}
