using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Shell.Pages;

[Authorize]
public class IndexModel(Navigation navigation, OrgScope scope, LianxinDb db) : PageModel
{
    public IReadOnlyList<NavItem> Shortcuts { get; private set; } = [];

    /// <summary>Coverage of the unit the user currently acts for, when they may see the tree there.</summary>
    public Coverage? Coverage { get; private set; }

    public void OnGet()
    {
        Shortcuts = navigation.For(scope).ToList();
        if (scope.Current is { } g && g.Role.Allows(Permission.OrgView))
            Coverage = Coverage.Of(g.OrgPath, db.OrgUnits, db.Grids, db.Compounds, db.Buildings, db.Households, db.Grids);
    }
}
