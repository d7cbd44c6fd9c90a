using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages;

/// <summary>/orglife/rules: how often each kind of branch holds each kind of meeting; the district edits it, others read it.</summary>
public class RulesModel(LianxinDb db) : PageModel
{
    [BindProperty] public RulesInput Input { get; set; } = new();
    public RulesView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await SaveRules.HandleAsync(db, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "组织生活规则已保存。";
            return Redirect("/orglife/rules");
        }, () => LoadAsync(ct));

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb("组织生活规则") };
        var view = await GetRules.HandleAsync(db, ct);
        if (view.Refusal(this) is { } end) return end;
        View = view.Value!;
        return null;
    }
}
