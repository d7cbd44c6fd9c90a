using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Training;

/// <summary>/orglife/me: a member's own trainings (enrol, 心得) and their private calendar feed with its reset.</summary>
public class MeModel(LianxinDb db, MemberDirectory members, TimeProvider clock) : PageModel
{
    [BindProperty] public ReflectionInput Reflection { get; set; } = new(null);
    public MyTrainings? Mine { get; private set; }
    public string? FeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct) =>
        await (await ResetMemberFeed.HandleAsync(db, members, clock, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "订阅链接已生成；此前的链接（如有）已失效。";
            return Redirect("/orglife/me");
        }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostEnrolAsync(Guid session, CancellationToken ct) =>
        await (await EnrolSelf.HandleAsync(db, members, clock, session, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "报名成功。";
            return Redirect("/orglife/me");
        }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostReflectionAsync(Guid session, CancellationToken ct) =>
        await (await SaveReflection.HandleAsync(db, members, session, Reflection, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "培训心得已保存。";
            return Redirect("/orglife/me");
        }, () => LoadAsync(ct), "Reflection");

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("我的组织生活") };
        Mine = (await MyTraining.HandleAsync(db, members, clock, ct)).Value;
        if (Mine is not null && (await GetMyFeed.HandleAsync(db, members, ct)).Value?.Url is { } path) FeedUrl = $"{Request.Scheme}://{Request.Host}{path}";
    }
}
