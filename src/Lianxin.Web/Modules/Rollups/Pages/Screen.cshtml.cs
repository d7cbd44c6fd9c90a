using System.Text.Json;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Rollups.Pages;

/// <summary>/screen/{token}: the 大屏 of a street or district, opened from a signed link without an account; refreshes itself.</summary>
[AllowAnonymous]
public class ScreenModel(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, ScreenLinks links, TimeProvider clock) : PageModel
{
    public ScreenData Data { get; private set; } = null!;
    public string Json { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } end) return end;
        Json = JsonSerializer.Serialize(Data, JsonSerializerOptions.Web);
        return Page();
    }

    /// <summary>The figures again, for the page's refresh every minute.</summary>
    public async Task<IActionResult> OnGetDataAsync(string token, CancellationToken ct) =>
        await LoadAsync(token, ct) ?? new JsonResult(Data, JsonSerializerOptions.Web);

    async Task<IActionResult?> LoadAsync(string token, CancellationToken ct)
    {
        if (links.Read(token) is not var (tenantId, unitId)) return NotFound();
        db.Scope.TenantId = tenantId;
        var outcome = await ScreenFigures.HandleAsync(org, catalog, clock, unitId, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Data = outcome.Value!;
        return null;
    }
}
