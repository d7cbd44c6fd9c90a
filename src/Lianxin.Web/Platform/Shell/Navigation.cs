using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;

namespace Lianxin.Web.Platform.Shell;

/// <summary>
/// A side-navigation entry. Each module registers its own with <c>services.AddSingleton(new NavItem(…))</c>
/// (the OrchardCore idea); the layout shows those whose <see cref="Permission"/> the user holds somewhere.
/// </summary>
public record NavItem(string Title, string Url, string Icon, Permission? Permission, int Order);

public class Navigation(IEnumerable<NavItem> items)
{
    public IEnumerable<NavItem> For(OrgScope scope) =>
        items.Where(i => i.Permission is null || scope.CanAnywhere(i.Permission)).OrderBy(i => i.Order);
}

/// <summary>A page's trail, set by the page in ViewData["Crumbs"].</summary>
public record Crumb(string Title, string? Url = null);
