using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record AccountLinkForm(Guid UserId, int? Version);
public record AccountLink(Guid MemberId, Guid? UserId, string? UserName, string? DisplayName, int Version);
/// <summary>An account offered for linking; <see cref="LinkedTo"/> names the member it already belongs to.</summary>
public record AccountOption(Guid Id, string UserName, string DisplayName, string? LinkedTo);

/// <summary>
/// Links a sign-in account to a member (so "我的党员身份" finds them) or unlinks it. Both must be inside the caller's
/// member-manage scope: the member by its unit, the account by one of its role grants; otherwise 404. An account
/// belongs to at most one member (a unique index backs the check).
/// </summary>
public static class LinkAccount
{
    static string[] Roots(OrgScope scope) => scope.Unrestricted
        ? ["/"]
        : scope.RootsWith(MemberPermissions.MemberManage);

    /// <summary>Accounts holding a grant inside the caller's member-manage subtrees.</summary>
    static IQueryable<AppUser> UsersInScope(LianxinDb db)
    {
        var roots = Roots(db.Scope);
        var grants = db.RoleGrants.AcrossScope().Where(g => roots.Any(r => g.OrgPath.StartsWith(r)));
        return db.Users.Where(u => grants.Any(g => g.UserId == u.Id));
    }

    static async Task<Outcome<Member>> ManagedMemberAsync(LianxinDb db, Guid memberId, CancellationToken ct)
    {
        var m = await db.Members.FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, m.OrgPath)) return Failure.Forbidden;
        return m;
    }

    public static async Task<Outcome<AccountLink>> GetAsync(LianxinDb db, Guid memberId, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, m.OrgPath)) return Failure.Forbidden;
        return await ViewAsync(db, m, ct);
    }

    public static async Task<Outcome<List<AccountOption>>> SearchAsync(LianxinDb db, Guid memberId, string? q, CancellationToken ct)
    {
        var member = await ManagedMemberAsync(db, memberId, ct);
        if (!member.IsOk) return member.AsFailure();
        q = q?.Trim() ?? "";
        if (q.Length == 0) return new Outcome<List<AccountOption>>(OutcomeKind.Ok, []);
        var users = await UsersInScope(db).AsNoTracking()
            .Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q))
            .OrderBy(u => u.UserName).Take(20).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var linked = await db.Members.AcrossScope().AsNoTracking().Where(m => m.UserId != null && ids.Contains(m.UserId.Value))
            .Select(m => new { UserId = m.UserId!.Value, m.Name }).ToDictionaryAsync(x => x.UserId, x => x.Name, ct);
        return users.Select(u => new AccountOption(u.Id, u.UserName ?? "", u.DisplayName, linked.GetValueOrDefault(u.Id))).ToList();
    }

    public static async Task<Outcome<AccountLink>> LinkAsync(LianxinDb db, Guid memberId, AccountLinkForm form, CancellationToken ct)
    {
        var found = await ManagedMemberAsync(db, memberId, ct);
        if (!found.IsOk) return found.AsFailure();
        var m = found.Value!;
        if (form.Version is { } v && v != m.Version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (!await UsersInScope(db).AnyAsync(u => u.Id == form.UserId, ct)) return Failure.NotFound;
        if (m.UserId == form.UserId) return await ViewAsync(db, m, ct);
        if (m.UserId is not null) return Failure.Conflict("该党员已关联其他账号，请先解除关联。");
        var other = await db.Members.AcrossScope().AsNoTracking().Where(x => x.UserId == form.UserId)
            .Select(x => x.Name).FirstOrDefaultAsync(ct);
        if (other is not null) return Failure.Conflict($"该账号已关联党员“{other}”，一个账号只能关联一名党员。");
        m.UserId = form.UserId;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Failure.Conflict("该记录已被他人修改，请刷新后重试。"); }
        catch (DbUpdateException) { return Failure.Conflict("该账号已关联其他党员，一个账号只能关联一名党员。"); }
        return await ViewAsync(db, m, ct);
    }

    public static async Task<Outcome<AccountLink>> UnlinkAsync(LianxinDb db, Guid memberId, int? version, CancellationToken ct)
    {
        var found = await ManagedMemberAsync(db, memberId, ct);
        if (!found.IsOk) return found.AsFailure();
        var m = found.Value!;
        if (version is { } v && v != m.Version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (m.UserId is not null)
        {
            m.UserId = null;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Failure.Conflict("该记录已被他人修改，请刷新后重试。"); }
        }
        return await ViewAsync(db, m, ct);
    }

    static async Task<AccountLink> ViewAsync(LianxinDb db, Member m, CancellationToken ct)
    {
        var user = m.UserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.UserName, u.DisplayName }).FirstOrDefaultAsync(ct)
            : null;
        return new AccountLink(m.Id, m.UserId, user?.UserName, user?.DisplayName, m.Version);
    }
}
