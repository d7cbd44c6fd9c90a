using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public class GoodDeedInput
{
    public Guid CommunityId { get; set; }
    /// <summary>The depositor's sign-in account (a resident or party member of the community).</summary>
    public string UserName { get; set; } = "";
    public string Description { get; set; } = "";
    public int Points { get; set; }
}

public record GoodDeedRow(Guid Id, string PersonName, string Description, int Points, DeedState State, Guid ProposedBy, DateTime ProposedAt, int Version);

/// <summary>A staff member proposes points for a good deed (好人好事); nothing is credited until a second person approves.</summary>
public static class ProposeGoodDeed
{
    public const int MaxPoints = 1000;

    public static async Task<Outcome<GoodDeedRow>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, GoodDeedInput r, CancellationToken ct)
    {
        var community = await org.FindAsync(r.CommunityId, ct);
        if (community is not { Kind: OrgKind.Community }) return Failure.Invalid(nameof(r.CommunityId), "请选择社区。");
        if (!db.Scope.Can(PointsBankPermissions.Manage, community.Path)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(r.Description), r.Description, "请写明好人好事的经过。");
        e.Max(nameof(r.Description), r.Description, 500, "事迹");
        if (r.Points is < 1 or > MaxPoints) e.Fail(nameof(r.Points), $"积分须在 1–{MaxPoints} 之间。");
        var name = (r.UserName ?? "").Trim().ToUpperInvariant();
        // A depositor is a resident or party member of this community (grants are tenant-filtered; scope lifted to find members of branches below).
        var person = name == "" ? null : await db.Users.Where(u => u.NormalizedUserName == name && !u.IsDisabled
                && db.RoleGrants.AcrossScope().Any(g => g.UserId == u.Id && (g.Role == Role.Resident || g.Role == Role.Member) && g.OrgPath.StartsWith(community.Path)))
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (person is null) e.Fail(nameof(r.UserName), "未找到该社区的居民或党员账号。");
        if (e.Any) return Failure.Invalid(e);

        var deed = new GoodDeed
        {
            CommunityId = community.Id, OrgPath = community.Path, UserId = person!.Id, PersonName = person.DisplayName, Description = r.Description.Trim(),
            Points = r.Points, State = DeedState.Proposed, ProposedBy = db.Scope.UserId ?? Guid.Empty, ProposedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PbGoodDeeds.Add(deed);
        await db.SaveChangesAsync(ct);
        return Row(deed);
    }

    internal static GoodDeedRow Row(GoodDeed d) => new(d.Id, d.PersonName, d.Description, d.Points, d.State, d.ProposedBy, d.ProposedAt, d.Version);
}
