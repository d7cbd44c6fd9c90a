using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>A member's own page: their card, reporting to the community where they live, choosing posts.</summary>
public class MeModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberPageModel(db, units, places)
{
    public MemberCard? Card { get; private set; }
    public List<PostDto> OpenPosts { get; private set; } = [];
    public List<SelectListItem> Communities { get; private set; } = [];
    public bool MayReport { get; private set; }
    [BindProperty] public MemberReportForm Report { get; set; } = new();
    [BindProperty] public ClaimForm Claim { get; set; } = new();

    async Task LoadAsync(CancellationToken ct)
    {
        var me = await Me.FindAsync(Db, ct);
        if (me is null) return;
        Card = await GetMember.CardAsync(Db, Org, Places, pd, clock, me, ct);
        OpenPosts = await Posts.OpenForMeAsync(Db, Org, me, ct);
        var communities = await Org.InDistrictAsync(ct, activeOnly: true, OrgKind.Community);
        var reported = Card.DualReports.Where(r => r.Status != DualReportStatus.Withdrawn).Select(r => r.CommunityId).ToHashSet();
        Communities = communities.Where(c => !me.OrgPath.StartsWith(c.Path) && !reported.Contains(c.Id))
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(), c.Id == (Report.CommunityId ?? me.ResidenceCommunityId))).ToList();
        MayReport = Communities.Count > 0 && me.OnRoster;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (TryValidateModel(Report, nameof(Report)))
        {
            var outcome = await DualReporting.ReportMemberAsync(Db, Org, clock, Report, ct);
            if (outcome.Refusal(this, "Report") is { } stop) return stop;
            if (outcome.IsOk)
            {
                TempData["Flash"] = $"已向{outcome.Value!.CommunityName}报到。";
                return Redirect("/members/me");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid postId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await Posts.ClaimAsync(Db, Org, clock, postId, Claim, ct);
        if (outcome.Refusal(this, "Claim") is { } stop) return stop;
        if (outcome.IsOk)
        {
            TempData["Flash"] = "已提交认岗申请，等待审核。";
            return Redirect("/members/me");
        }
        await LoadAsync(ct);
        return Page();
    }
}
