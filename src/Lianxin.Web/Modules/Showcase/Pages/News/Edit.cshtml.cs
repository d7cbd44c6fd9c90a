using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.News;

/// <summary>/showcase/news/edit/{id?}: write a draft, or edit one (or a returned item); save it, or save and submit it to the street.</summary>
public class EditModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public NewsInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string? ReturnReason { get; private set; }
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var item = await GetNews.HandleAsync(db, org, existing, ct);
            if (item.Refusal(this) is { } end) return end;
            var n = item.Value!;
            if (!n.CanEdit) return Redirect($"/showcase/news/{existing}");
            Input = new NewsInput { OrgUnitId = n.OrgUnitId, Title = n.Title, Body = n.Body, Channels = n.Channels.ToList(), Version = n.Version };
            ReturnReason = n.ReturnReason;
        }
        else if (!db.Scope.CanAnywhere(ShowcasePermissions.NewsWrite)) return Forbid();
        await LoadAsync(ct);
        if (id is null) Input.OrgUnitId = db.Scope.Current?.OrgUnitId is { } cur && Units.Any(u => u.Id == cur) ? cur : Units.FirstOrDefault()?.Id ?? Guid.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, bool submit, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        var saved = await SaveNews.HandleAsync(db, org, clock, id, Input, ct);
        if (submit && saved.IsOk)
            saved = await SubmitNews.HandleAsync(db, clock, saved.Value!.Id, new VersionInput { Version = saved.Value.Version }, ct);
        return await saved.ToPageAsync(this, v =>
        {
            TempData["Flash"] = submit ? "稿件已提交街道审核。" : "草稿已保存。";
            return Redirect($"/showcase/news/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("宣传稿件", "/showcase/news"), new Platform.Shell.Crumb(Id is null ? "撰写稿件" : "修改稿件") };
        Units = await ShowcaseUnits.ForAsync(db, org, ShowcasePermissions.NewsWrite, ct);
    }
}
