using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Campaigns.Pages;

/// <summary>/campaigns/findings/{id}: a finding and its rectification (assign, done with photos, verify), and raising it as a demand or a pledge.</summary>
public class FindingModel(LianxinDb db, OrgDirectory org, DemandDirectory demands, PartnerUnitDirectory partners, TimeProvider clock) : PageModel
{
    public FindingDetail F { get; private set; } = null!;
    [BindProperty] public AssignTaskInput Assign { get; set; } = new();
    [BindProperty] public TaskDoneInput Done { get; set; } = new();
    [BindProperty] public VerifyTaskInput Verify { get; set; } = new();
    [BindProperty] public RaiseDemandInput Demand { get; set; } = new();
    [BindProperty] public RaisePledgeInput Pledge { get; set; } = new();
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    /// <summary>The form that was posted, so that it stays open with its errors.</summary>
    public string? Handler { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        ForTask(id, taskId => AssignTask.HandleAsync(db, partners, clock, taskId, Assign, ct), "Assign", "已指定责任单位和整改期限。", ct);

    public async Task<IActionResult> OnPostDoneAsync(Guid id, CancellationToken ct)
    {
        var (photos, errors) = await PhotoUpload.ReadAsync(Photos, ct, "Photos");
        if (errors.Any) return await Answer<TaskSaved>(id, Failure.Invalid(errors), "Done", "", ct);
        return await ForTask(id, taskId => ReportTaskDone.HandleAsync(db, clock, taskId, Done, photos, ct), "Done", "已报告整改完成，等待验收。", ct);
    }

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) =>
        ForTask(id, taskId => VerifyTask.HandleAsync(db, clock, taskId, Verify, ct), "Verify", Verify.Pass ? "整改已验收通过。" : "已退回整改。", ct);

    public async Task<IActionResult> OnPostDemandAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await RaiseDemand.HandleAsync(db, org, demands, clock, id, Demand, ct), "Demand", "已转为群众诉求，诉求系统将登记并派单。", ct);

    public async Task<IActionResult> OnPostPledgeAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await RaisePledge.HandleAsync(db, org, clock, id, Pledge, ct), "Pledge", "已列入为民办实事，承诺草稿待核对发布。", ct);

    /// <summary>The task is the finding's one task, found through the finding the caller sees.</summary>
    async Task<IActionResult> ForTask(Guid id, Func<Guid, Task<Outcome<TaskSaved>>> work, string prefix, string done, CancellationToken ct)
    {
        var f = await GetFinding.HandleAsync(db, org, demands, partners, clock, id, ct);
        if (f.Refusal(this) is { } end) return end;
        return await Answer(id, await work(f.Value!.Task.Id), prefix, done, ct);
    }

    async Task<IActionResult> Answer<T>(Guid id, Outcome<T> outcome, string prefix, string done, CancellationToken ct)
    {
        ModelState.Clear();
        Handler = prefix;
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = done;
            return Redirect($"/campaigns/findings/{id}");
        }, () => LoadAsync(id, ct), prefix);
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var f = await GetFinding.HandleAsync(db, org, demands, partners, clock, id, ct);
        if (f.Refusal(this) is { } end) return end;
        F = f.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("专项行动", "/campaigns"), new Platform.Shell.Crumb(F.Campaign, $"/campaigns/{F.CampaignId}"), new Platform.Shell.Crumb(F.Place) };
        return null;
    }
}
