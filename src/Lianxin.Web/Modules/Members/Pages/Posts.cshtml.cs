using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

public class PostsModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty] public PostForm Form { get; set; } = new();
    [BindProperty] public ZoneForm Zone { get; set; } = new();
    public List<PostDto> Items { get; private set; } = [];
    public List<ZoneDto> ZoneItems { get; private set; } = [];
    public List<SelectListItem> CommunityOptions { get; private set; } = [];
    public Picker Picker { get; private set; } = null!;
    public List<SelectListItem> Candidates { get; private set; } = [];
    public bool CanManage { get; private set; }

    public bool Manages(PostDto p) => Db.Scope.Can(MemberPermissions.MemberManage, Db.Posts.Where(x => x.Id == p.Id).Select(x => x.OrgPath).First());

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await Posts.InScopeAsync(Db, Org, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        Items = outcome.Value!;
        CanManage = Db.Scope.CanAnywhere(MemberPermissions.MemberManage);
        Picker = await UnitPickerAsync("Form.OrgUnitId", "发布组织", UnitPurpose.Manage, null, Form.OrgUnitId, ct, searchForm: "unit-search", small: true, blank: "请选择");
        ZoneItems = await ListZones.HandleAsync(Db, Db.ResponsibilityZones, ct);
        CommunityOptions = (await MemberUnits.VisibleAsync(Db, Org, MemberPermissions.MemberManage, ct)).Where(u => u.Kind == OrgKind.Community)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString(), u.Id == Zone.CommunityId)).ToList();
        // Members held in scope, and those who reported to a community in scope.
        var held = await Db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Normal).OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).Take(500).ToListAsync(ct);
        var reported = await Db.DualReports.AsNoTracking().Where(r => r.MemberId != null && r.Status != DualReportStatus.Withdrawn).Select(r => new { Id = r.MemberId!.Value, r.Name }).ToListAsync(ct);
        Candidates = held.Concat(reported).DistinctBy(m => m.Id).OrderBy(m => m.Name).Select(m => new SelectListItem(m.Name, m.Id.ToString())).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostZoneAsync(CancellationToken ct)
    {
        foreach (var k in ModelState.Keys.Where(k => k.StartsWith("Form.")).ToList()) ModelState.Remove(k);
        if (ModelState.IsValid)
        {
            var outcome = await CreateZone.HandleAsync(Db, Org, Zone, ct);
            if (outcome.Refusal(this, "Zone") is { } stop) return stop;
            if (outcome.IsOk) { TempData["Flash"] = $"已设立责任区 {outcome.Value!.Name}。"; return Redirect("/members/posts"); }
        }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        foreach (var k in ModelState.Keys.Where(k => k.StartsWith("Zone.")).ToList()) ModelState.Remove(k);
        if (ModelState.IsValid)
        {
            var outcome = await Posts.CreateAsync(Db, Org, clock, Form, ct);
            if (outcome.Refusal(this, "Form") is { } stop) return stop;
            if (outcome.IsOk) { TempData["Flash"] = $"已发布岗位 {outcome.Value!.Title}。"; return Redirect("/members/posts"); }
        }
        return await LoadAsync(ct) ?? Page();
    }

    async Task<IActionResult> After<T>(Outcome<T> outcome, string done, CancellationToken ct)
    {
        if (outcome.Refusal(this) is { } stop) return stop;
        if (outcome.IsOk) { TempData["Flash"] = done; return Redirect("/members/posts"); }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid claimId, bool approve, int version, CancellationToken ct) =>
        await After(await Posts.DecideAsync(Db, clock, claimId, new DecisionForm { Approve = approve, Version = version }, ct), approve ? "已批准认岗。" : "已驳回认岗申请。", ct);

    public async Task<IActionResult> OnPostEndAsync(Guid claimId, int version, CancellationToken ct) =>
        await After(await Posts.EndAsync(Db, clock, claimId, version, ct), "已结束该岗位认领。", ct);

    public async Task<IActionResult> OnPostAssignAsync(Guid postId, Guid? memberId, CancellationToken ct) =>
        await After(await Posts.AssignAsync(Db, clock, postId, new AssignForm { MemberId = memberId }, ct), "已定岗。", ct);
}
