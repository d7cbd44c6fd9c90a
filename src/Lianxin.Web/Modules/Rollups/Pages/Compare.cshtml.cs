using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Contracts;
using Lianxin.Web.Modules.Rollups.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Rollups.Pages;

/// <summary>/rollups: 对标对表 of the units under a street or district, with export, the quarterly workbook and a 大屏 link.</summary>
public class CompareModel(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, ScreenLinks links, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Parent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Codes { get; set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? Benchmark { get; set; }
    [BindProperty] public int Days { get; set; } = 30;

    public Comparison Result { get; private set; } = null!;
    public IReadOnlyList<OrgUnitRef> Parents { get; private set; } = [];
    public bool CanLink { get; private set; }
    public ScreenLink? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        var unitId = Parent ?? db.Scope.Current?.OrgUnitId ?? Guid.Empty;
        var outcome = await CreateScreenLink.HandleAsync(db, org, links, clock, new ScreenLinkRequest(unitId, Days), ct);
        ModelState.Clear();
        if (outcome.Refusal(this) is { } end) return end;
        Link = outcome.Value;
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>The query string of the current choice, for the export link.</summary>
    public string Query => string.Join("&", new[] { Parent is { } p ? $"parentId={p}" : null, Period is { } q ? $"period={Uri.EscapeDataString(q)}" : null,
            Benchmark is { } b ? $"benchmarkId={b}" : null }.Concat(Codes.Select(c => $"codes={Uri.EscapeDataString(c)}")).OfType<string>());

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await CompareUnits.HandleAsync(db, org, catalog, clock, new CompareRequest(Parent, Codes, Period, Benchmark), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            // A bad period or indicator in the address: say so, and show the default comparison under the message.
            outcome.Refusal(this);
            Period = null;
            Codes = [];
            Benchmark = null;
            outcome = await CompareUnits.HandleAsync(db, org, catalog, clock, new CompareRequest(Parent), ct);
        }
        if (outcome.Refusal(this) is { } end) return end;
        Result = outcome.Value!;
        Parent = Result.ParentId;
        Period = Result.Period;
        Parents = await org.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street, OrgKind.Community);
        CanLink = db.Scope.Can(RollupPermissions.ScreenLink, Parents.FirstOrDefault(p => p.Id == Result.ParentId)?.Path ?? "\u0001")
            && Parents.Any(p => p.Id == Result.ParentId && p.Kind is OrgKind.District or OrgKind.Street);
        return null;
    }
}
