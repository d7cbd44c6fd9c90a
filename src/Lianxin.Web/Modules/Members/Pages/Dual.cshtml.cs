using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Pages;

public class DualModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock, VolunteerHours hours, PartnerUnitDirectory partners, PersonalData pd)
    : MemberPageModel(db, units, places)
{
    [BindProperty(SupportsGet = true)] public Guid? CommunityId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty] public UnitReportForm Unit { get; set; } = new();
    public CommunityFiguresDto? Figures { get; private set; }
    public List<DualReportDto> Reports { get; private set; } = [];
    public List<SelectListItem> Communities { get; private set; } = [];
    public bool CanManage { get; private set; }
    /// <summary>The registered partner units that may report to this community (stationed in it or its street).</summary>
    public List<SelectListItem> PartnerUnits { get; private set; } = [];

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!Db.Scope.CanAnywhere(MemberPermissions.MemberView)) return Forbid();
        (CommunityId, Communities) = await CommunityChoice.ResolveAsync(Db, Org, CommunityId, ct);
        From ??= clock.Today().AddMonths(-6);
        To ??= clock.Today();
        if (CommunityId is not { } id) return null;
        var figures = await CommunityFigures.HandleAsync(Db, Org, id, ct);
        if (figures.Refusal(this) is { } end) return end;
        Figures = figures.Value;
        Reports = (await DualReporting.ListAsync(Db, Org, id, ct)).Value ?? [];
        var community = (await Org.FindAsync(id, ct))!;
        CanManage = Figures is not null && Db.Scope.Can(MemberPermissions.MemberManage, community.Path);
        if (CanManage)
            PartnerUnits = (await partners.SearchAsync(community.Path, null, 500, ct))
                .Select(p => new SelectListItem($"{p.Name}{Lianxin.Web.Platform.Localization.Text.Of("（")}{Lianxin.Web.Platform.Localization.Text.Of(p.KindName)}{Lianxin.Web.Platform.Localization.Text.Of("）")}", p.Id.ToString(), Unit.PartnerUnitId == p.Id)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetReportBackAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        var outcome = await ReportingBack.HandleAsync(Db, Org, hours, CommunityId!.Value, From!.Value, To!.Value, ct);
        if (outcome.Refusal(this) is { } s) return s;
        if (!outcome.IsOk) return Page();
        return File(ReportingBack.ToXlsx(outcome.Value!), Xlsx.ContentType, $"双报告-{From:yyyyMMdd}-{To:yyyyMMdd}.xlsx");
    }

    public async Task<IActionResult> OnPostUnitAsync(CancellationToken ct)
    {
        Unit.CommunityId = CommunityId;
        if (ModelState.IsValid)
        {
            var outcome = await DualReporting.ReportUnitAsync(Db, Org, partners, pd, clock, Unit, ct);
            if (outcome.Refusal(this, "Unit") is { } stop) return stop;
            if (outcome.IsOk)
            {
                TempData["Flash"] = $"{outcome.Value!.Name} 已登记报到。";
                return Redirect($"/members/dual?CommunityId={CommunityId}");
            }
        }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, int version, CancellationToken ct)
    {
        var outcome = await DualReporting.WithdrawAsync(Db, Org, clock, id, version, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        if (outcome.IsOk) TempData["Flash"] = "已撤回报到。";
        return Redirect($"/members/dual?CommunityId={CommunityId}");
    }
}
