using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Pages;

public class TransferModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty] public TransferForm Form { get; set; } = new();
    public Member Member { get; private set; } = null!;
    public List<SelectListItem> Branches { get; private set; } = [];

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await Db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        if (!Db.Scope.Can(MemberPermissions.MemberManage, m.OrgPath)) return Forbid();
        Member = m;
        // Any active branch of the district may receive the member, also outside the caller's scope.
        Branches = (await Org.InDistrictAsync(ct, activeOnly: true, OrgKind.Branch)).Where(u => u.Id != m.BranchId)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString(), u.Id == Form.ToBranchId)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        Form.Version = Member.Version;
        Form.On = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await TransferMember.HandleAsync(Db, Org, Places, pd, clock, id, Form, ct);
            if (outcome.Refusal(this, "Form") is { } stop) return stop;
            if (outcome.IsOk)
            {
                TempData["Flash"] = "组织关系已转接。";
                // The member may now be outside the caller's scope.
                return Redirect(Db.Scope.Sees((await Db.Members.AcrossScope().FirstAsync(m => m.Id == id, ct)).OrgPath) ? $"/members/{id}" : "/members");
            }
        }
        if (await LoadAsync(id, ct) is { } gone) return gone;
        return Page();
    }
}

public class StatusModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty] public StatusForm Form { get; set; } = new();
    public Member Member { get; private set; } = null!;

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await Db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        if (!Db.Scope.Can(MemberPermissions.MemberManage, m.OrgPath)) return Forbid();
        Member = m;
        return null;
    }

    public List<SelectListItem> Statuses => Enum.GetValues<MemberStatus>().Where(s => s != MemberStatus.TransferredOut && s != Member.Status)
        .Select(s => new SelectListItem(Lianxin.Web.Platform.Localization.Text.Of(s.Chinese()), s.ToString(), Form.To == s)).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        Form.Version = Member.Version;
        Form.On = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await ChangeMemberStatus.HandleAsync(Db, Org, Places, pd, clock, id, Form, ct);
            if (outcome.Refusal(this, "Form") is { } stop) return stop;
            if (outcome.IsOk)
            {
                TempData["Flash"] = "党籍状态已变更。";
                return Redirect($"/members/{id}");
            }
        }
        if (await LoadAsync(id, ct) is { } gone) return gone;
        return Page();
    }
}
