using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Brands;

/// <summary>/showcase/brands/{id}: a brand's story, photos (staff who manage it add more) and linked pledges and projects.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, PledgeDirectory pledges, ProjectDirectory projects, TimeProvider clock) : PageModel
{
    public BrandDetail B { get; private set; } = null!;
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await BrandPhotos.AddAsync(db, clock, id, Photos, ct);
        return await outcome.ToPageAsync(this, n =>
        {
            TempData["Flash"] = $"照片已上传，共 {n} 张。";
            return Redirect($"/showcase/brands/{id}");
        }, () => LoadAsync(id, ct), "");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var b = await GetBrand.HandleAsync(db, org, pledges, projects, id, ct);
        if (b.Refusal(this) is { } end) return end;
        B = b.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("党建品牌", "/showcase/brands"), new Platform.Shell.Crumb(B.Name) };
        return null;
    }
}
