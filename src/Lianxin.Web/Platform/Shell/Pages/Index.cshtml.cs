using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Shell.Pages;

[Authorize]
public class IndexModel(Navigation navigation, OrgScope scope, IEnumerable<IHomeCardSource> sources) : PageModel
{
    public IReadOnlyList<NavItem> Shortcuts { get; private set; } = [];

    /// <summary>What modules know about the unit the user currently acts for (coverage, …).</summary>
    public List<HomeCard> Cards { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Shortcuts = navigation.For(scope).ToList();
        if (scope.Current is not { } g) return;
        foreach (var source in sources)
            if (await source.ForAsync(g, ct) is { } card) Cards.Add(card);
    }
}
