using System.Text.Json.Serialization;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Lists;
using Lianxin.Web.Platform.Scope;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>What the unit is chosen for: viewing members (roster, mobile members) or managing them (the member form, posts).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitPurpose>))]
public enum UnitPurpose { View, Manage }

/// <summary>A unit a Members page may choose: its full name and where it lies ("东湖街道 / 幸福社区 / 第一网格"), so that
/// same-named grids of two communities are told apart. Names of units only, never personal data.</summary>
public record UnitChoice(Guid Id, string Name, string Trail, OrgKind Kind, string KindName);

/// <summary>A page of matches in tree order; <c>Next</c> is the cursor of the following page (null at the end).</summary>
public record UnitChoicePage(IReadOnlyList<UnitChoice> Items, string? Next);

/// <summary>
/// Finds units by part of their name for the pickers of the Members pages (issue 15: a district holds 7,301 units, too many
/// for a select box). Only units where the caller holds the purpose's permission are found (a unit outside the caller's
/// scope given as <c>under</c> is a 404), a page at a time in tree order, through Organizations' directory.
/// </summary>
public static class SearchUnitChoices
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxQuery = 30;
    const string ListName = "member-unit-choices";

    public record Query(string? Q, UnitPurpose Purpose = UnitPurpose.View, OrgKind? Kind = null, Guid? Under = null, string? Cursor = null, int? Limit = null);

    public static async Task<Outcome<UnitChoicePage>> HandleAsync(LianxinDb db, OrgDirectory org, Query query, CancellationToken ct)
    {
        var permission = PermissionFor(query.Purpose);
        if (!db.Scope.CanAnywhere(permission)) return Failure.Forbidden;
        var e = new Errors();
        var term = query.Q?.Trim() ?? "";
        if (term.Length > MaxQuery) e.Fail("q", $"查找的组织名称不能超过 {MaxQuery} 个字符。");
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) e.Fail("limit", $"每次返回的条数须在 1 到 {MaxLimit} 之间。");
        if (query.Kind == OrgKind.Group) e.Fail("kind", "党小组不是党员的组织关系所在单位，不能在此选择。");
        Cursor? cursor = null;
        if (!string.IsNullOrEmpty(query.Cursor) && (cursor = Cursor.Decode(ListName, query.Cursor, 1)) is null or { Back: true })
            e.Fail("cursor", "分页游标无效（可能被改动或已过期），请重新输入查找。");
        if (e.Any) return Failure.Invalid(e);

        var roots = RootsFor(db.Scope, permission);
        if (query.Under is { } underId)
        {
            var under = await org.FindAsync(underId, ct);
            if (under is null) return Failure.NotFound;
            if (!db.Scope.Can(permission, under.Path)) return Failure.Forbidden;
            roots = [under.Path];
        }
        OrgKind[] kinds = query.Kind is { } k ? [k] : MemberUnits.Choosable;
        var found = await org.SearchInScopeAsync(term, kinds, roots, cursor?.Keys[0], limit + 1, ct);
        var page = found.Take(limit).ToList();
        var next = found.Count > limit ? new Cursor(false, [page[^1].Path]).Encode(ListName) : null;
        return new UnitChoicePage(await ChoicesAsync(org, page, ct), next);
    }

    /// <summary>The unit as a choice when the caller may choose it for <paramref name="purpose"/> (else null).</summary>
    public static async Task<UnitChoice?> OneAsync(LianxinDb db, OrgDirectory org, Guid id, UnitPurpose purpose, CancellationToken ct) =>
        await org.FindAsync(id, ct) is { IsActive: true } unit && db.Scope.Can(PermissionFor(purpose), unit.Path)
            ? (await ChoicesAsync(org, [unit], ct))[0] : null;

    public static Permission PermissionFor(UnitPurpose purpose) =>
        purpose == UnitPurpose.Manage ? MemberPermissions.MemberManage : MemberPermissions.MemberView;

    /// <summary>The tops of the subtrees where the caller holds <paramref name="permission"/>; null for the system (everything).</summary>
    public static string[]? RootsFor(OrgScope scope, Permission permission) =>
        scope.Unrestricted ? null : scope.RootsWith(permission);

    /// <summary>
    /// Units as choices, their trails named in one read: the places above the unit as people say them ("东湖街道 / 和平社区",
    /// not "东湖街道党工委 / 和平社区党委"), then the unit's short name; the district is left out (every unit lies in it).
    /// </summary>
    public static async Task<List<UnitChoice>> ChoicesAsync(OrgDirectory org, IReadOnlyList<OrgUnitRef> units, CancellationToken ct)
    {
        var above = (await org.ManyAsync(units.SelectMany(u => OrgDirectory.IdsOf(u.Path)), ct)).ToDictionary(u => u.Id);
        return units.Select(u => new UnitChoice(u.Id, u.Name, Trail(u, above), u.Kind, u.KindName)).ToList();
    }

    static string Trail(OrgUnitRef unit, IReadOnlyDictionary<Guid, OrgUnitRef> above)
    {
        var places = OrgDirectory.IdsOf(unit.Path).Skip(1).SkipLast(1).Select(id => above.TryGetValue(id, out var u) ? u.PublicName : "—");
        return string.Join(" / ", [.. places, unit.DisplayName]);
    }
}
