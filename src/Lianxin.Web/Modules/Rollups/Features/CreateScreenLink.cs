using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Rollups.Features;

public sealed record ScreenLinkRequest(Guid UnitId, int Days = 30);

public sealed record ScreenLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>A 大屏 link for a street or district, valid for 1–90 days.</summary>
public static class CreateScreenLink
{
    public static async Task<Outcome<ScreenLink>> HandleAsync(LianxinDb db, OrgDirectory org, ScreenLinks links, TimeProvider clock,
        ScreenLinkRequest request, CancellationToken ct)
    {
        var unit = await org.FindAsync(request.UnitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(RollupPermissions.ScreenLink, unit.Path)) return Failure.Forbidden;
        if (unit.Kind is not (OrgKind.District or OrgKind.Street)) return Failure.Invalid("UnitId", "大屏只面向街道或全区。");
        if (request.Days is < 1 or > 90) return Failure.Invalid("Days", "有效期应为 1 至 90 天。");
        var expires = clock.GetUtcNow().AddDays(request.Days);
        return new ScreenLink($"/screen/{links.Issue(db.CurrentTenantId, unit.Id, expires)}", expires);
    }
}
