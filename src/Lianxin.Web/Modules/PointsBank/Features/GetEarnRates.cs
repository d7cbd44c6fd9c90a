using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>One kind of volunteering and what an hour of it earns in the community; <see cref="Set"/> false: the default rate applies.</summary>
public record RateLine(string ActivityKind, string KindName, int PointsPerHour, bool Set);

public record EarnRates(Guid CommunityId, string Community, int DefaultRate, IReadOnlyList<RateLine> Lines);

/// <summary>The community's earning rates, every activity kind listed (those it set none for earn the default).</summary>
public static class GetEarnRates
{
    public static async Task<Outcome<EarnRates>> HandleAsync(LianxinDb db, OrgDirectory org, PointsBankOptions options, Guid communityId, CancellationToken ct)
    {
        var c = await org.FindAsync(communityId, ct);
        if (c is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(PointsBankPermissions.Manage, c.Path)) return Failure.Forbidden;
        var set = await db.PbEarnRates.AsNoTracking().Where(r => r.CommunityId == c.Id).ToDictionaryAsync(r => r.ActivityKind, r => r.PointsPerHour, ct);
        var lines = ActivityKinds.All.Select(k => set.TryGetValue(k.Code, out var rate)
            ? new RateLine(k.Code, k.Name, rate, true)
            : new RateLine(k.Code, k.Name, options.DefaultPointsPerHour, false)).ToList();
        return new EarnRates(c.Id, c.DisplayName, options.DefaultPointsPerHour, lines);
    }
}
