using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Localization;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>/org/buildings/{id}/households: the households of a building and a form to add rooms.</summary>
public class HouseholdsModel(LianxinDb db) : OrgPageModel(db)
{
    [BindProperty] public string? UnitNo { get; set; }
    [BindProperty] public string? Rooms { get; set; }
    [BindProperty] public int Residents { get; set; } = 1;
    public Building Building { get; private set; } = null!;
    public string CompoundName { get; private set; } = "";
    public List<Household> List { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var outcome = await AddHouseholds.HandleAsync(Db, id, AddHouseholdsRequest.FromRooms(UnitNo, Rooms, Residents), ct);
        return outcome.ToPage(this, v =>
        {
            TempData["Flash"] = $"已登记 {v.Added} 户，本楼共 {v.Total} 户。";
            return Redirect($"/org/buildings/{id}/households");
        }, "");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var b = await Db.Buildings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return NotFound();
        if (!Db.Scope.Can(OrgPermissions.OrgManage, b.OrgPath)) return Forbid();
        Building = b;
        CompoundName = await Db.Compounds.Where(c => c.Id == b.CompoundId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        List = await Db.Households.AsNoTracking().Where(h => h.BuildingId == id).OrderBy(h => h.Unit).ThenBy(h => h.Room).ToListAsync(ct);
        ViewData["Title"] = "登记住户";
        Crumbs(new Crumb(CompoundName, $"/org/compounds/{b.CompoundId}"), new Crumb(string.Format(Text.Of("{0} 住户"), b.Name)));
        return null;
    }
}
