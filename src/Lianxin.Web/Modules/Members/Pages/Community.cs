using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>The community a community page shows: the one asked for, else the caller's current one, else the first they may view.</summary>
public static class CommunityChoice
{
    public static async Task<(Guid? Id, List<SelectListItem> Options)> ResolveAsync(LianxinDb db, OrgDirectory units, Guid? asked, CancellationToken ct)
    {
        var communities = (await units.InScopeAsync(ct, activeOnly: true, OrgKind.Community))
            .Where(u => db.Scope.Can(MemberPermissions.MemberView, u.Path)).ToList();
        var current = db.Scope.Current is { } g ? communities.FirstOrDefault(c => g.OrgPath.StartsWith(c.Path) || c.Path == g.OrgPath) : null;
        var id = asked ?? current?.Id ?? communities.FirstOrDefault()?.Id;
        return (id, communities.Select(c => new SelectListItem(c.Name, c.Id.ToString(), c.Id == id)).ToList());
    }
}
