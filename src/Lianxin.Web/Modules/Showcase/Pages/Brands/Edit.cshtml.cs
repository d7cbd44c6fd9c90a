using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Brands;

/// <summary>/showcase/brands/edit/{id?}: register or edit a brand with the pledges and projects it stands on.</summary>
public class EditModel(LianxinDb db, OrgDirectory org, PledgeDirectory pledges, ProjectDirectory projects, TimeProvider clock) : PageModel
{
    [BindProperty] public BrandInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public IReadOnlyList<PledgeTitle> Pledges { get; private set; } = [];
    public IReadOnlyList<ProjectTitle> Projects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var b = await GetBrand.HandleAsync(db, org, pledges, projects, existing, ct);
            if (b.Refusal(this) is { } end) return end;
            var v = b.Value!;
            if (!v.CanManage) return Forbid();
            Input = new BrandInput { OrgUnitId = v.OrgUnitId, Name = v.Name, Story = v.Story, PledgeIds = v.Pledges.Select(p => p.Id).ToList(),
                ProjectIds = v.Projects.Select(p => p.Id).ToList(), Version = v.Version };
        }
        else if (!db.Scope.CanAnywhere(ShowcasePermissions.Manage)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        var outcome = await SaveBrand.HandleAsync(db, org, pledges, projects, clock, id, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "品牌已保存。";
            return Redirect($"/showcase/brands/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("党建品牌", "/showcase/brands"), new Platform.Shell.Crumb(Id is null ? "登记品牌" : "修改品牌") };
        Units = await ShowcaseUnits.ForAsync(db, org, ShowcasePermissions.Manage, ct);
        // Choices from the caller's current unit down (a street's staff see the street's pledges and projects).
        var root = db.Scope.Current?.OrgPath ?? Units.FirstOrDefault()?.Path ?? "/";
        Pledges = await pledges.PublicUnderAsync(root, ct);
        Projects = await projects.UnderAsync(root, ct);
    }
}
