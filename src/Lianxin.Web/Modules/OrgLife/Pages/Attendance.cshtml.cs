using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages;

/// <summary>/orglife/meetings/{id}/attendance: the branch's roster on the meeting's day, one line per member (everyone present unless marked otherwise).</summary>
public class AttendanceModel(LianxinDb db, MemberDirectory members, TimeProvider clock) : PageModel
{
    [BindProperty] public AttendanceInput Input { get; set; } = new();
    public AttendanceSheet Sheet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await (await RecordAttendance.HandleAsync(db, members, clock, id, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"出席情况已保存：应到 {v.Marked} 人，实到 {v.Attended} 人。";
            return Redirect($"/orglife/meetings/{id}");
        }, () => LoadAsync(id, ct));

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var sheet = await GetAttendanceSheet.HandleAsync(db, members, id, ct);
        if (sheet.Refusal(this) is { } end) return end;
        Sheet = sheet.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb(Sheet.Title, $"/orglife/meetings/{id}"), new Platform.Shell.Crumb("登记出席") };
        return null;
    }
}
