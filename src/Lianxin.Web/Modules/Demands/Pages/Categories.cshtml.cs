using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>
/// /demands/categories: a street's demand categories (name, default handling level, time limits, enabled). Street staff
/// add and edit them; disabling asks for confirmation, since residents then no longer see the category.
/// </summary>
public class CategoriesModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? StreetId { get; set; }
    /// <summary>The category being edited (shown in the form instead of a new one).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty] public CategoryRequest Input { get; set; } = new();
    [BindProperty] public StreetSettingsRequest Rules { get; set; } = new();

    public List<(Guid Id, string Name)> Streets { get; private set; } = [];
    public OrgUnitRef? Street { get; private set; }
    public List<CategoryDto> Items { get; private set; } = [];
    public bool MayManage { get; private set; }

    string Self(Guid? edit = null) => $"/demands/categories?streetId={Street!.Id}{(edit is { } e ? $"&edit={e}" : "")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (Edit is { } id && Items.FirstOrDefault(c => c.Id == id) is { } c)
            Input = new CategoryRequest
            {
                StreetId = c.StreetId, Name = c.Name, DefaultLevel = c.DefaultLevel, ResponseHours = c.ResponseHours, ResolveDays = c.ResolveDays,
                ServiceMode = c.ServiceMode, Active = c.Active,
            };
        else Edit = null;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        ModelState.Clear();
        Input.StreetId = Street!.Id;
        Edit = null;
        var done = await Categories.CreateAsync(db, org, Input, ct);
        return Finish(done, $"已添加类别“{Input.Name?.Trim()}”。");
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        ModelState.Clear();
        Edit = id;
        var done = await Categories.UpdateAsync(db, id, Input, ct);
        return Finish(done, $"已保存类别“{Input.Name?.Trim()}”。");
    }

    public async Task<IActionResult> OnPostRulesAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        ModelState.Clear();
        return (await StreetSettings.SaveAsync(db, org, Street!.Id, Rules, ct)).ToPage(this, _ =>
        {
            TempData["Flash"] = "已保存本街道的诉求规则。";
            return Redirect(Self());
        }, prefix: "Rules");
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        var done = await Categories.SetActiveAsync(db, id, active, ct);
        return Finish(done, done.IsOk ? $"类别“{done.Value!.Name}”已{(active ? "启用" : "停用")}。" : "");
    }

    IActionResult Finish(Outcome<CategoryDto> done, string flash) => done.ToPage(this, _ =>
    {
        TempData["Flash"] = flash;
        return Redirect(Self());
    });

    /// <summary>The streets the caller sees, the chosen one (default: the caller's own) and its categories; or why not.</summary>
    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("群众诉求", "/demands"), new Platform.Shell.Crumb("诉求类别") };
        var streets = (await org.InScopeAsync(ct, true, OrgKind.Street)).Where(u => db.Scope.Can(DemandPermissions.DemandView, u.Path)).ToList();
        // Categories belong to a street: those who see no street (a community's staff) are not the ones who manage them.
        if (streets.Count == 0) return db.Scope.CanAnywhere(DemandPermissions.DemandDispatch) ? NotFound() : Forbid();
        Streets = streets.Select(u => (u.Id, u.DisplayName)).ToList();
        if (StreetId is { } wanted && streets.All(u => u.Id != wanted)) return NotFound();
        Street = streets.FirstOrDefault(u => u.Id == StreetId)
            ?? streets.FirstOrDefault(u => db.Scope.Current is { } g && g.OrgPath.StartsWith(u.Path)) ?? streets[0];
        MayManage = db.Scope.Can(DemandPermissions.DemandDispatch, Street.Path);
        Items = (await Categories.AllForStreetAsync(db, org, Street.Id, ct)).Value ?? [];
        // A failed save shows what was typed; otherwise the street's rules as they stand.
        if (Request.Query["handler"] != "Rules")
        {
            var s = await StreetSettings.ForStreetAsync(db, Street.Id, ct);
            Rules = new StreetSettingsRequest
            {
                ExtraResolveDaysPerLevel = s.ExtraResolveDaysPerLevel, SatisfiedWeight = s.SatisfiedWeight,
                BasicallySatisfiedWeight = s.BasicallySatisfiedWeight, MaxReopens = s.MaxReopens, Version = s.Version,
            };
        }
        ViewData["Title"] = "诉求类别";
        return null;
    }
}
