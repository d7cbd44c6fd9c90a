using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Honours;

/// <summary>/showcase/honours/edit/{id?}: record or correct an honour of a unit, a member (from the roster) or a resident (a name).</summary>
public class EditModel(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock) : PageModel
{
    [BindProperty] public HonourInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public IReadOnlyList<MemberRef> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var h = await GetHonour.HandleAsync(db, existing, ct);
            if (h.Refusal(this) is { } end) return end;
            var v = h.Value!;
            if (!v.CanManage) return Forbid();
            Input = new HonourInput
            {
                Title = v.Title, Level = v.Level, AwardingBody = v.AwardingBody, AwardedOn = v.AwardedOn, RecipientKind = v.RecipientKind,
                OrgUnitId = v.RecipientKind == RecipientKind.Member ? null : v.OrgUnitId, MemberId = v.MemberId,
                ResidentName = v.RecipientKind == RecipientKind.Resident ? v.RecipientName : null, Version = v.Version,
            };
        }
        else if (!db.Scope.CanAnywhere(ShowcasePermissions.Manage)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        var outcome = await SaveHonour.HandleAsync(db, org, members, clock, id, Input, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "荣誉已保存。";
            return Redirect("/showcase/honours");
        }, () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("荣誉榜", "/showcase/honours"), new Platform.Shell.Crumb(Id is null ? "登记荣誉" : "修改荣誉") };
        Units = await ShowcaseUnits.ForAsync(db, org, ShowcasePermissions.Manage, ct);
        // The roster under the caller's current unit (a street's staff pick from the whole street), by name.
        var root = db.Scope.Current?.OrgPath ?? Units.FirstOrDefault()?.Path;
        Members = root is null ? [] : (await members.RosterAsync(root, ct)).Where(m => db.Scope.Can(ShowcasePermissions.Manage, m.BranchPath)).Take(500).ToList();
    }
}
