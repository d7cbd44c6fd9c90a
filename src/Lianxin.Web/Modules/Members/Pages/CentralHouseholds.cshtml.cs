using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>Choosing the households an approved central household looks after, from the households of its grid.</summary>
public class CentralHouseholdsModel(LianxinDb db, OrgDirectory units, PlaceDirectory places) : MemberPageModel(db, units, places)
{
    public record Home(Guid Id, string Unit, string Room, string? LookedAfterBy);
    public record BuildingHomes(string Name, List<Home> Homes);
    public record CompoundHomes(string Name, List<BuildingHomes> Buildings);

    [BindProperty] public HouseholdsForm Form { get; set; } = new();
    public CentralHouseholdDto Central { get; private set; } = null!;
    public GridCoverage? Coverage { get; private set; }
    public List<CompoundHomes> Compounds { get; private set; } = [];
    public HashSet<Guid> Checked { get; private set; } = [];

    async Task<IActionResult?> LoadAsync(Guid id, bool keepPosted, CancellationToken ct)
    {
        // Out of scope finds nothing (404); in scope without member-manage is 403.
        var ch = await Db.CentralHouseholds.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ch is null) return NotFound();
        if (!Db.Scope.Can(MemberPermissions.MemberManage, ch.OrgPath)) return Forbid();
        Central = await ListCentralHouseholds.OneAsync(Db, Places, id, ct);
        var coverage = await CentralHouseholdCoverage.HandleAsync(Db, Org, Places, ch.CommunityId, ct);
        Coverage = coverage.Value?.FirstOrDefault(g => g.GridId == ch.GridId);

        var households = await Places.HouseholdsOfGridAsync(ch.GridId, ct);
        var buildings = (await Places.BuildingsAsync(households.Select(h => h.BuildingId), ct)).ToDictionary(b => b.Id, b => b.Name);
        var compounds = (await Places.CompoundsAsync(households.Select(h => h.CompoundId), ct)).ToDictionary(c => c.Id, c => c.Name);
        var homes = households.Where(h => compounds.ContainsKey(h.CompoundId))
            .Select(h => new { h.Id, h.Unit, h.Room, Building = buildings[h.BuildingId], h.BuildingId, Compound = compounds[h.CompoundId], h.CompoundId }).ToList();
        var homeIds = homes.Select(h => h.Id).ToList();
        var links = await (from l in Db.CentralHouseholdLinks.AcrossScope()
                           join c in Db.CentralHouseholds.AcrossScope() on l.CentralHouseholdId equals c.Id
                           where homeIds.Contains(l.HouseholdId)
                           select new { l.HouseholdId, l.CentralHouseholdId, c.MemberName }).ToListAsync(ct);
        var others = links.Where(l => l.CentralHouseholdId != id).ToDictionary(l => l.HouseholdId, l => l.MemberName);
        Checked = keepPosted ? Form.HouseholdIds.ToHashSet() : links.Where(l => l.CentralHouseholdId == id).Select(l => l.HouseholdId).ToHashSet();
        if (!keepPosted) Form.Version = Central.Version;
        // Natural order: "2号楼" before "10号楼", room "302" before "1001".
        Compounds = homes.GroupBy(h => (h.CompoundId, h.Compound)).OrderBy(g => g.Key.Compound)
            .Select(cg => new CompoundHomes(cg.Key.Compound, cg.GroupBy(h => (h.BuildingId, h.Building)).OrderBy(b => b.Key.Building.Length).ThenBy(b => b.Key.Building)
                .Select(bg => new BuildingHomes(bg.Key.Building, bg.OrderBy(h => h.Unit.Length).ThenBy(h => h.Unit).ThenBy(h => h.Room.Length).ThenBy(h => h.Room)
                    .Select(h => new Home(h.Id, h.Unit, h.Room, others.GetValueOrDefault(h.Id))).ToList())).ToList())).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, false, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Binding errors are English and name the field; say it once in Chinese.
            ModelState.Clear();
            ModelState.AddModelError("", "所选住户无效，请刷新后重试。");
            return await LoadAsync(id, true, ct) ?? Page();
        }
        var ch = await Db.CentralHouseholds.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ch is null) return NotFound();
        var before = (await CentralHouseholdCoverage.HandleAsync(Db, Org, Places, ch.CommunityId, ct)).Value?.FirstOrDefault(g => g.GridId == ch.GridId);
        var outcome = await AssignCentralHouseholdHouseholds.HandleAsync(Db, Places, id, Form, ct);
        if (outcome.Refusal(this, "Form") is { } stop) return stop;
        if (outcome.IsOk)
        {
            var after = (await CentralHouseholdCoverage.HandleAsync(Db, Org, Places, ch.CommunityId, ct)).Value?.FirstOrDefault(g => g.GridId == ch.GridId);
            TempData["Flash"] = before is null || after is null
                ? $"已为 {outcome.Value!.MemberName} 保存联系户，共 {outcome.Value.LookedAfter} 户。"
                : $"已为 {outcome.Value!.MemberName} 保存联系户，共 {outcome.Value.LookedAfter} 户。{after.GridName}覆盖率 {Percent(before.Coverage)} → {Percent(after.Coverage)}（联系 {before.LookedAfter} → {after.LookedAfter} 户 / 共 {after.Households} 户）。";
            return Redirect($"/members/central/{id}/households");
        }
        return await LoadAsync(id, true, ct) ?? Page();
    }

    public static string Percent(decimal coverage) => (coverage * 100).ToString("0.#") + "%";
}
