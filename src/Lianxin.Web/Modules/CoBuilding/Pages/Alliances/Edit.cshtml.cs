using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Alliances;

/// <summary>/cobuilding/alliances/{id}/edit: name, theme, founding day and the lead (one of the current members).</summary>
public class EditModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public EditAllianceRequest Input { get; set; } = new();
    [BindProperty] public string? Lead { get; set; }
    public IReadOnlyList<AllianceCandidate> Leads { get; private set; } = [];
    public string HomeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var a = await GetAlliance.HandleAsync(db, org, id, ct);
        if (a.Refusal(this) is { } end) return end;
        var v = a.Value!;
        if (!v.CanManage) return Forbid();
        Input = new EditAllianceRequest { OrgUnitId = v.OrgUnitId, Name = v.Name, Theme = v.Theme, FoundedOn = v.FoundedOn, Version = v.Version };
        Lead = AllianceCandidate.KeyOf(v.LeadPartnerUnitId, v.LeadOrgUnitId);
        Show(v);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        (Input.LeadPartnerUnitId, Input.LeadOrgUnitId) = AllianceCandidate.Parse(Lead);
        return await (await EditAlliance.HandleAsync(db, clock, id, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "党建联盟已保存。";
            return Redirect($"/cobuilding/alliances/{v.Id}");
        }, async () => await GetAlliance.HandleAsync(db, org, id, ct) is { IsOk: true } a ? Show(a.Value!) : NotFound());
    }

    IActionResult? Show(AllianceDetail a)
    {
        HomeName = a.OrgUnitName;
        // The lead is chosen among the current members.
        Leads = a.Current.Select(m => new AllianceCandidate(AllianceCandidate.KeyOf(m.PartnerUnitId, m.OrgUnitId), m.Name, m.KindName)).ToList();
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("党建联盟", "/cobuilding/alliances"),
            new Platform.Shell.Crumb(a.Name, $"/cobuilding/alliances/{a.Id}"), new Platform.Shell.Crumb("修改") };
        return null;
    }
}
