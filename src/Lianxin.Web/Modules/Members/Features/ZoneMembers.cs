using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>Who may answer for a zone of a community: members held in it or reported to it (双报到), on the roster.</summary>
static class ZoneMembers
{
    public const string Problem = "责任党员须为本社区在册党员或已向本社区报到的党员。";

    /// <summary>The members by id with their names, or null when any of them may not.</summary>
    public static async Task<Dictionary<Guid, string>?> EligibleAsync(LianxinDb db, OrgUnitRef community, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var members = await db.Members.AcrossScope().Where(m => ids.Contains(m.Id)
                && (m.OrgPath.StartsWith(community.Path) || db.Set<DualReport>().Any(r => r.MemberId == m.Id && r.CommunityId == community.Id && r.Status != DualReportStatus.Withdrawn)))
            .Select(m => new { m.Id, m.Name, m.Status }).ToListAsync(ct);
        return members.Count != ids.Count || members.Any(m => m.Status is not (MemberStatus.Normal or MemberStatus.Suspended))
            ? null : members.ToDictionary(m => m.Id, m => m.Name);
    }
}
