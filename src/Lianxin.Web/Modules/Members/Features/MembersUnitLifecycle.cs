using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>Members' rows follow a moved unit; a unit with members on its roster cannot be dissolved (transfer them first).</summary>
public class MembersUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["mem_members"] = await db.RebaseAsync<Member>(oldRoot, newRoot, ct),
            ["mem_status_changes"] = await db.RebaseAsync<MemberStatusChange>(oldRoot, newRoot, ct),
            // A transfer's from and to paths too: a past day's roster is rebuilt from them (RosterHistory), and a meeting of
            // the moved branch last month is checked against that roster under the branch's new path.
            ["mem_transfers"] = await db.RebaseAsync<MemberTransfer>(oldRoot, newRoot, ct)
                + await db.RebaseAsync<MemberTransfer>(oldRoot, newRoot, ct, nameof(MemberTransfer.FromPath))
                + await db.RebaseAsync<MemberTransfer>(oldRoot, newRoot, ct, nameof(MemberTransfer.ToPath)),
            ["mem_dual_reports"] = await db.RebaseAsync<DualReport>(oldRoot, newRoot, ct),
            ["mem_posts"] = await db.RebaseAsync<Post>(oldRoot, newRoot, ct),
            ["mem_post_claims"] = await db.RebaseAsync<PostClaim>(oldRoot, newRoot, ct),
            ["mem_zones"] = await db.RebaseAsync<ResponsibilityZone>(oldRoot, newRoot, ct),
            ["mem_zone_members"] = await db.RebaseAsync<ZoneMember>(oldRoot, newRoot, ct),
            ["mem_central_households"] = await db.RebaseAsync<CentralHousehold>(oldRoot, newRoot, ct),
            ["mem_central_household_links"] = await db.RebaseAsync<CentralHouseholdLink>(oldRoot, newRoot, ct),
            ["mem_central_household_recommendations"] = await db.RebaseAsync<CentralHouseholdRecommendation>(oldRoot, newRoot, ct),
            ["mem_central_household_duties"] = await db.RebaseAsync<CentralHouseholdDuty>(oldRoot, newRoot, ct),
            ["mem_building_leaders"] = await db.RebaseAsync<BuildingLeader>(oldRoot, newRoot, ct),
            ["mem_import_jobs"] = await db.RebaseAsync<ImportJob>(oldRoot, newRoot, ct),
            ["mem_mobile_memberships"] = await db.RebaseAsync<MobileMembership>(oldRoot, newRoot, ct)
                + await db.RebaseAsync<MobileMembership>(oldRoot, newRoot, ct, nameof(MobileMembership.MobileBranchPath)),
            // The figures follow both the branch and the residence community: their sums stay right whichever moves (ADR 0037).
            ["mem_unit_figures"] = await db.RebaseAsync<MemberFigures>(oldRoot, newRoot, ct)
                + await db.RebaseAsync<MemberFigures>(oldRoot, newRoot, ct, nameof(MemberFigures.CommunityPath)),
            ["mem_mobile_figures"] = await db.RebaseAsync<MobileFigures>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.Members.AcrossScope().CountAsync(m => m.OrgPath.StartsWith(path)
            && (m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended), ct);
        return n == 0 ? null : $"{n} 名在册党员（请先转出组织关系）";
    }
}
