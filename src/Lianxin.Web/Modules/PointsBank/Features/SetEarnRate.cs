using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record EarnRateRequest(string ActivityKind, int PointsPerHour);

public record EarnRateRow(string ActivityKind, int PointsPerHour)
{
    /// <summary>The kind's Chinese name (巡防, 环境整治…), as Volunteering names it.</summary>
    public string KindName => ActivityKinds.NameOf(ActivityKind);
}

/// <summary>The community sets how many points an hour of one kind of volunteering earns (from then on; earned points stay).</summary>
public static class SetEarnRate
{
    public static async Task<Outcome<EarnRateRow>> HandleAsync(LianxinDb db, OrgDirectory org, Guid communityId, EarnRateRequest r, CancellationToken ct)
    {
        var community = await org.FindAsync(communityId, ct);
        if (community is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(PointsBankPermissions.Manage, community.Path)) return Failure.Forbidden;
        var kind = (r.ActivityKind ?? "").Trim();
        var e = new Errors();
        if (ActivityKinds.All.All(k => k.Code != kind)) e.Fail(nameof(r.ActivityKind), "请选择志愿服务活动类型。");
        if (r.PointsPerHour is < 0 or > 1000) e.Fail(nameof(r.PointsPerHour), "每小时积分须在 0–1000 之间。");
        if (e.Any) return Failure.Invalid(e);
        var rate = await db.PbEarnRates.FirstOrDefaultAsync(x => x.CommunityId == community.Id && x.ActivityKind == kind, ct);
        if (rate is null) db.PbEarnRates.Add(rate = new EarnRate { CommunityId = community.Id, OrgPath = community.Path, ActivityKind = kind });
        rate.PointsPerHour = r.PointsPerHour;
        await db.SaveChangesAsync(ct);
        return new EarnRateRow(rate.ActivityKind, rate.PointsPerHour);
    }
}
