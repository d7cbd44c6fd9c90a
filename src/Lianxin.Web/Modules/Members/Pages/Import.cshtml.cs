using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Members.Pages;

[RequestSizeLimit(50_000_000)]
public class ImportModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock, JobHost jobs) : MemberPageModel(db, units, places)
{
    public ImportResult? Result { get; private set; }

    /// <summary>The member import being watched (after an upload the page redirects here with ?job=).</summary>
    public ImportJobView? Job { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? job, CancellationToken ct)
    {
        if (!Db.Scope.CanAnywhere(MemberPermissions.MemberManage)) return Forbid();
        if (job is { } id)
        {
            var outcome = await ImportJobs.GetAsync(Db, id, ct);
            if (outcome.Refusal(this) is { } stop) return stop;
            Job = outcome.Value;
        }
        return Page();
    }

    /// <summary>The progress fragment the page polls every second while the job runs.</summary>
    public async Task<IActionResult> OnGetJobAsync(Guid job, CancellationToken ct)
    {
        var outcome = await ImportJobs.GetAsync(Db, job, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        return Partial("_ImportJob", outcome.Value!);
    }

    public async Task<IActionResult> OnGetRejectsAsync(Guid job, CancellationToken ct)
    {
        var outcome = await ImportJobs.RejectsAsync(Db, job, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        return File(outcome.Value!, Xlsx.ContentType, "未导入的行.xlsx");
    }

    public string Kind { get; private set; } = "members";

    public async Task<IActionResult> OnGetHouseholdTemplateAsync(CancellationToken ct)
    {
        var outcome = await ImportHouseholds.TemplateAsync(Db, Places, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        return File(outcome.Value!, Xlsx.ContentType, "住户导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostHouseholdsAsync(IFormFile? file, CancellationToken ct)
    {
        Kind = "households";
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的 Excel 文件。");
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await ImportHouseholds.HandleAsync(Db, Places, stream, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        Result = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var outcome = await ImportMembers.TemplateAsync(Db, Org, Places, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        return File(outcome.Value!, Xlsx.ContentType, "党员导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的 Excel 文件。");
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await ImportJobs.StartAsync(Db, clock, jobs, file.FileName, stream.ToArray(), ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        if (!outcome.IsOk) return Page();
        return Redirect($"/members/import?job={outcome.Value!.Id}");
    }
}
