using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Shell.Pages;

[Authorize]
public class IndexModel(Navigation navigation, OrgScope scope) : PageModel
{
    public IReadOnlyList<NavItem> Shortcuts { get; private set; } = [];

    public void OnGet() => Shortcuts = navigation.For(scope).ToList();
}
