using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Shell.Pages;

/// <summary>
/// "/": the front door. Residents (anonymous) get the ways in — raise a demand, track it, the public boards — and
/// staff a sign-in button; a signed-in user gets the home of figures and shortcuts.
/// </summary>
[AllowAnonymous]
public class IndexModel(Navigation navigation, OrgScope scope, IEnumerable<IHomeCardSource> sources, IUnitDirectory units) : PageModel
{
    public IReadOnlyList<NavItem> Shortcuts { get; private set; } = [];

    /// <summary>What modules know about the unit the user currently acts for (coverage, …).</summary>
    public List<HomeCard> Cards { get; } = [];

    /// <summary>For residents: the streets and communities whose 为民解忧榜 they may open.</summary>
    public IReadOnlyList<UnitInfo> Boards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!scope.IsSignedIn)
        {
            Boards = await units.PublicUnitsAsync(ct);
            return;
        }
        Shortcuts = navigation.For(scope).ToList();
        if (scope.Current is not { } g) return;
        foreach (var source in sources)
            if (await source.ForAsync(g, ct) is { } card) Cards.Add(card);
    }
}
