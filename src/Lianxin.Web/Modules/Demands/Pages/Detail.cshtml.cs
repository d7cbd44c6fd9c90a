using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/demands/{id}: the demand, its steps and dispatches, and the buttons for what the caller may do at its level.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, PersonalData pd, TimeProvider clock) : PageModel
{
    public DemandDetailDto D { get; private set; } = null!;
    public List<DepartmentDto> Departments { get; private set; } = [];
    public List<DemandPhotoDto> Photos { get; private set; } = [];
    public AppointmentDto? Appointment { get; private set; }
    public DateTime Now { get; private set; }

    [BindProperty] public DemandStepRequest Step { get; set; } = new();
    [BindProperty] public DispatchRequest Whistle { get; set; } = new();
    [BindProperty] public MergeRequest Merge { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostStepAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await HandleDemand.HandleAsync(db, org, clock, id, Step, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = $"已{Step.Action.Chinese()}。";
            return Redirect($"/demands/{id}");
        }, () => LoadAsync(id, ct), "Step");
    }

    public async Task<IActionResult> OnPostDispatchAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await DispatchDemand.HandleAsync(db, org, clock, id, Whistle, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已吹哨派单。";
            return Redirect($"/demands/{id}");
        }, () => LoadAsync(id, ct), "Whistle");
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await MergeDemand.HandleAsync(db, org, clock, id, Merge, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已合并到另一诉求。";
            return Redirect($"/demands/{id}");
        }, () => LoadAsync(id, ct), "Merge");
    }

    public async Task<IActionResult> OnPostCancelAppointmentAsync(Guid id, int version, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await ServiceSlots.CancelByStaffAsync(db, org, clock, id, version, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已取消预约，名额已释放。";
            return Redirect($"/demands/{id}");
        }, () => LoadAsync(id, ct), "");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await DemandQueries.DetailAsync(db, org, pd, id, ct);
        if (d.Refusal(this) is { } end) return end;
        D = d.Value!;
        Photos = await DemandPhotos.OfAsync(db, id, ct);
        Now = clock.GetUtcNow().UtcDateTime;
        if (await db.Demands.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { SlotId: not null } booked)
            Appointment = await ServiceSlots.OfAsync(db, clock, booked, ct);
        if (D.Actions.Contains(DemandAction.Dispatch)) Departments = await DispatchDemand.DepartmentsAsync(org, D.StreetId, ct);
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("群众诉求", "/demands"), new Platform.Shell.Crumb(D.TicketNo) };
        return null;
    }
}
