using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Identity.Users;

public record ListUsersRequest(string? Q, int Page = 1, int PageSize = 20);

/// <summary>Users with a grant inside the manager's subtrees, searched by user name or display name.</summary>
public static class ListUsers
{
    public static async Task<Outcome<PageOf<UserDto>>> HandleAsync(ListUsersRequest request, LianxinDb db, IUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return (Failure.Forbidden with { Message = "您没有用户管理权限。" });
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, 100);
        var query = UserDirectory.Managed(db).AsNoTracking();
        if (request.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(q));
        }
        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.NormalizedUserName).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PageOf<UserDto>(await UserDirectory.ToDtosAsync(db, units, clock, users, ct), total, page, size);
    }
}
