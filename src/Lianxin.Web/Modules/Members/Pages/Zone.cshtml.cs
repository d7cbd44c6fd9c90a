using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>A responsibility zone: edit it (name, area, members) or end it; members taken off stay listed as former.</summary>
public class ZoneModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty] public ZoneEditForm Edit { get; set; } = new();
    [BindProperty] public EndForm End { get; set; } = new();
    public ZoneDto Zone { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public List<SelectListItem> Candidates { get; private set; } = [];
    public List<SelectListItem> Compounds { get; private set; } = [];

    async Task<IActionResult?> LoadAsync(Guid id, bool keepPosted, CancellationToken ct)
    {
        var row = await Db.ResponsibilityZones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == id, ct);
        if (row is null) return NotFound();
        if (!Db.Scope.Can(MemberPermissions.MemberView, row.OrgPath)) return Forbid();
        Zone = await ListZones.OneAsync(Db, id, ct);
        CanManage = Db.Scope.Can(MemberPermissions.MemberManage, row.OrgPath) && Zone.EndedOn is null;
        if (!keepPosted)
        {
            Edit = new ZoneEditForm { Name = Zone.Name, Area = Zone.Area, CompoundId = Zone.CompoundId, MemberIds = [.. Zone.MemberIds], Version = Zone.Version };
            End = new EndForm { EndedOn = clock.Today(), Version = Zone.Version };
        }
        // Members held in the community or reported to it, as the zone accepts them.
        var held = await Db.Members.AcrossScope().AsNoTracking().Where(m => m.Status == MemberStatus.Normal && m.OrgPath.StartsWith(row.OrgPath))
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var reported = await Db.DualReports.AcrossScope().AsNoTracking().Where(r => r.CommunityId == row.CommunityId && r.MemberId != null && r.Status != DualReportStatus.Withdrawn)
            .Select(r => new { Id = r.MemberId!.Value, r.Name }).ToListAsync(ct);
        Candidates = held.Concat(reported).DistinctBy(m => m.Id).OrderBy(m => m.Name)
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(), Edit.MemberIds.Contains(m.Id))).ToList();
        Compounds = (await Places.CompoundsOfCommunityAsync(row.CommunityId, ct)).Select(c => new SelectListItem(c.Name, c.Id.ToString(), c.Id == Edit.CompoundId)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, false, ct) ?? Page();

    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken ct)
    {
        var outcome = await EditZone.HandleAsync(Db, Org, clock, id, Edit, ct);
        return await outcome.ToPageAsync(this, z => { TempData["Flash"] = $"已保存责任区 {z.Name}。"; return Redirect($"/members/zones/{id}"); },
            () => LoadAsync(id, true, ct), "Edit");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var outcome = await EndZone.HandleAsync(Db, clock, id, End, ct);
        return await outcome.ToPageAsync(this, z => { TempData["Flash"] = $"已撤销责任区 {z.Name}。"; return Redirect($"/members/zones/{id}"); },
            () => LoadAsync(id, true, ct), "End");
    }
}
