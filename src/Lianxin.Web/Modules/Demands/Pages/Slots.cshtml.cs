using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/demands/slots: community staff publish appointment slots by week, and remove unbooked ones (a booked one is refused).</summary>
public class SlotsModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [BindProperty] public SlotRequest Input { get; set; } = new() { Modes = [.. SlotRules.ServiceModes], StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(11, 0) };

    public List<(Guid Id, string Name)> Communities { get; private set; } = [];
    public List<SlotDto> Slots { get; private set; } = [];
    public DateOnly Monday { get; private set; }
    public Guid CommunityId { get; private set; }

    DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Date = Today.AddDays(1);
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Community = Input.CommunityId;
        var outcome = await ServiceSlots.CreateAsync(db, org, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"已发布预约时段：{v.When}。";
            return Redirect($"/demands/slots?community={Input.CommunityId}&week={Input.Date:yyyy-MM-dd}");
        }, async () =>
        {
            Week = Input.Date;
            return await LoadAsync(ct) ?? Page();
        });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid slotId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await ServiceSlots.RemoveAsync(db, slotId, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "预约时段已删除。";
            return Redirect($"/demands/slots?community={Community}&week={Week:yyyy-MM-dd}");
        }, () => LoadAsync(ct), "");
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("群众诉求", "/demands"), new Platform.Shell.Crumb("预约时段") };
        Communities = await ServiceSlots.ManagedCommunitiesAsync(db, org, ct);
        if (Communities.Count == 0) return Forbid();
        CommunityId = Community is { } c && Communities.Any(x => x.Id == c) ? c : Communities[0].Id;
        // A community outside the caller's scope is simply not found.
        if (Community is { } asked && asked != CommunityId) return NotFound();
        Input.CommunityId = CommunityId;
        Monday = SlotRules.WeekStart(Week ?? Today);
        var week = await ServiceSlots.WeekAsync(db, org, CommunityId, Monday, ct);
        if (week.Refusal(this) is { } end) return end;
        Slots = week.Value!;
        return null;
    }
}
