using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Identity.Users;

public record UserGrantDto(Guid Id, string Role, string RoleName, Guid OrgUnitId, string OrgUnitName, DateTime GrantedAt, bool CanRevoke);
public record UserDto(Guid Id, string UserName, string DisplayName, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt, IReadOnlyList<UserGrantDto> Grants);
public record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
public record UnitOption(Guid Id, string Name, int Depth);

/// <summary>Reads shared by the user-management use cases: an account seen through the manager's scope, and the choices a form offers.</summary>
public static class UserDirectory
{
    /// <summary>The account with all its grants (for the rules), or null when it has no grant inside the manager's subtrees (404).</summary>
    public static async Task<(AppUser User, List<RoleGrant> Grants)?> FindAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var tenant = db.Scope.TenantId;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.TenantId == tenant, ct);
        if (user is null) return null;
        var grants = await AllGrantsOf(db, [id]).ToListAsync(ct);
        return UserRules.Sees(db.Scope, grants) ? (user, grants) : null;
    }

    /// <summary>Every grant of these users, in scope or not: the rules need the whole picture, the caller shows only what they manage.</summary>
    static IQueryable<RoleGrant> AllGrantsOf(LianxinDb db, List<Guid> userIds)
    {
        var tenant = db.Scope.TenantId;
        return db.RoleGrants.AcrossScope().AsNoTracking().Where(g => userIds.Contains(g.UserId));
    }

    /// <summary>Users holding at least one grant inside the manager's subtrees.</summary>
    public static IQueryable<AppUser> Managed(LianxinDb db)
    {
        var tenant = db.Scope.TenantId;
        var roots = UserRules.ManagedRoots(db.Scope);
        var grants = db.RoleGrants.AcrossScope().Where(g => roots.Any(r => g.OrgPath.StartsWith(r)));
        return db.Users.Where(u => u.TenantId == tenant && grants.Any(g => g.UserId == u.Id));
    }

    public static async Task<List<UserDto>> ToDtosAsync(LianxinDb db, IUnitDirectory units, TimeProvider clock, List<AppUser> users, CancellationToken ct)
    {
        var ids = users.Select(u => u.Id).ToList();
        var grants = await AllGrantsOf(db, ids).ToListAsync(ct);
        var unitIds = grants.Select(g => g.OrgUnitId).Distinct().ToList();
        var names = await units.NamesAsync(unitIds, ct);
        var now = clock.GetUtcNow();
        return users.Select(u =>
        {
            var mine = grants.Where(g => g.UserId == u.Id).ToList();
            var shown = mine.Where(g => UserRules.Manages(db.Scope, g.OrgPath))
                .OrderBy(g => g.OrgPath.Length).ThenBy(g => g.Role)
                .Select(g => new UserGrantDto(g.Id, g.Role.ToString(), g.Role.Chinese(), g.OrgUnitId, names.GetValueOrDefault(g.OrgUnitId, "—"), g.GrantedAt,
                    UserRules.CheckRevoke(db.Scope, g, mine) is null))
                .ToList();
            return new UserDto(u.Id, u.UserName ?? "", u.DisplayName, u.IsDisabled, u.LockoutEnd > now, u.CreatedAt, shown);
        }).ToList();
    }

    /// <summary>Active units inside the manager's subtrees, in tree order, for the grant form's unit select.</summary>
    public static async Task<List<UnitOption>> ManagedUnitsAsync(LianxinDb db, IUnitDirectory units, CancellationToken ct) =>
        (await units.ActiveUnderAsync(UserRules.ManagedRoots(db.Scope), ct)).Select(u => new UnitOption(u.Id, u.Name, u.Depth)).ToList();

    /// <summary>Every role the manager may grant somewhere; the server checks the unit when the form is sent.</summary>
    public static IReadOnlyList<Role> GrantableRoles(OrgScope scope) => scope.Unrestricted
        ? Enum.GetValues<Role>()
        : scope.Grants.SelectMany(g => g.Role.Grantable()).Distinct().Order().ToList();

    public static bool TryParseRole(string? value, out Role role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(value) && !value.Trim().All(char.IsDigit)
            && Enum.TryParse(value.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }
}
