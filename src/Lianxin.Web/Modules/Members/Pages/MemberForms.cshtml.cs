using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>The create and edit pages share their fields (_MemberFields) and options.</summary>
public abstract class MemberFormPage(LianxinDb db, OrgDirectory units, PlaceDirectory places) : MemberPageModel(db, units, places)
{
    [BindProperty] public MemberForm Form { get; set; } = new();
    public Picker? BranchPicker { get; private set; }
    public Picker CompoundPicker { get; private set; } = null!;
    public abstract bool IsNew { get; }

    protected async Task LoadOptionsAsync(CancellationToken ct)
    {
        // Only the new form picks the branch; editing moves a member through a transfer.
        if (IsNew) BranchPicker = await UnitPickerAsync("Form.BranchId", "组织关系所在支部", UnitPurpose.Manage, OrgKind.Branch, Form.BranchId, ct,
            required: true, blank: "请选择", searchAction: "?handler=Search");
        CompoundPicker = await CompoundPickerAsync("Form.CompoundId", "居住小区", Form.CompoundId, ct, blank: "（不在本辖区）", searchAction: "?handler=Search");
    }

    /// <summary>A picker's search without JavaScript: the form comes back with what was typed and the matches listed; nothing is saved.</summary>
    protected async Task<IActionResult> SearchAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadOptionsAsync(ct);
        return Page();
    }
}

public class NewModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberFormPage(db, units, places)
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Db.Scope.CanAnywhere(MemberPermissions.MemberManage)) return Forbid();
        Form.Category = MemberCategory.Full;
        await LoadOptionsAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSearchAsync(CancellationToken ct) =>
        Db.Scope.CanAnywhere(MemberPermissions.MemberManage) ? SearchAsync(ct) : Task.FromResult<IActionResult>(Forbid());

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await SaveMember.CreateAsync(Db, Org, Places, pd, clock, Form, ct);
            if (outcome.Refusal(this, "Form") is { } stop) return stop;
            if (outcome.IsOk)
            {
                TempData["Flash"] = $"已新增党员 {outcome.Value!.Name}。";
                return Redirect($"/members/{outcome.Value.Id}");
            }
        }
        await LoadOptionsAsync(ct);
        return Page();
    }
}

public class EditModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberFormPage(db, units, places)
{
    public override bool IsNew => false;
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var m = await Db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        if (!Db.Scope.Can(MemberPermissions.MemberManage, m.OrgPath)) return Forbid();
        Name = m.Name;
        Form = new MemberForm
        {
            Name = m.Name, Ethnicity = m.Ethnicity, Phone = pd.OpenPhone(m.PhoneCipher), Education = m.Education, JoinedOn = m.JoinedOn, FullMemberOn = m.FullMemberOn,
            Category = m.Category, BranchId = m.BranchId, CompoundId = m.CompoundId, BuildingId = m.BuildingId, HouseholdId = m.HouseholdId,
            Address = m.Address, Workplace = m.Workplace, Employment = m.Employment, FloatingTo = m.FloatingTo, Version = m.Version,
        };
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSearchAsync(Guid id, CancellationToken ct)
    {
        var path = await Db.Members.Where(x => x.Id == id).Select(x => x.OrgPath).FirstOrDefaultAsync(ct);
        if (path is null) return NotFound();
        if (!Db.Scope.Can(MemberPermissions.MemberManage, path)) return Forbid();
        Name = Form.Name;
        return await SearchAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Remove("Form.BranchId");
        if (ModelState.IsValid)
        {
            var current = await Db.Members.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.BranchId, x.BuildingId, x.HouseholdId, x.CompoundId }).FirstOrDefaultAsync(ct);
            if (current is null) return NotFound();
            Form.BranchId = current.BranchId;
            // The page edits the compound only; building and household stay while the compound does.
            if (Form.CompoundId == current.CompoundId) { Form.BuildingId = current.BuildingId; Form.HouseholdId = current.HouseholdId; }
            var outcome = await SaveMember.UpdateAsync(Db, Org, Places, pd, clock, id, Form, ct);
            if (outcome.Refusal(this, "Form") is { } stop) return stop;
            if (outcome.IsOk)
            {
                TempData["Flash"] = "已保存。";
                return Redirect($"/members/{id}");
            }
        }
        Name = Form.Name;
        await LoadOptionsAsync(ct);
        return Page();
    }
}
