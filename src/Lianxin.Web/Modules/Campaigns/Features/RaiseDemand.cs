using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public class RaiseDemandInput
{
    public Guid CategoryId { get; set; }
    /// <summary>The demand's text; the finding's when left blank.</summary>
    public string? Description { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public int Version { get; set; }
}

public record FindingSaved(Guid Id, int Version);

/// <summary>
/// A finding the place cannot fix itself goes into the demand process (e.g. a water company must replace a hydrant): checked with
/// Demands' rules now, published as <see cref="CampaignFindingRaisedDemand"/> with the finding, and filed by Demands. Once per finding.
/// </summary>
public static class RaiseDemand
{
    public static async Task<Outcome<FindingSaved>> HandleAsync(LianxinDb db, OrgDirectory org, DemandDirectory demands, TimeProvider clock, Guid findingId,
        RaiseDemandInput r, CancellationToken ct)
    {
        var f = await db.CampaignFindings.FirstOrDefaultAsync(x => x.Id == findingId, ct);
        if (f is null) return Failure.NotFound;
        if (!db.Scope.Can(CampaignPermissions.Rectify, f.OrgPath)) return Failure.Forbidden;
        if (f.DemandRaisedAt is not null) return Failure.Conflict("该问题已转为群众诉求。");
        if (f.Version != r.Version) return Failure.Stale;
        var place = await db.CampaignPlaces.AsNoTracking().FirstAsync(p => p.Id == f.PlaceId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var description = string.IsNullOrWhiteSpace(r.Description) ? $"{place.Name}：{f.Text}" : r.Description.Trim();
        var raised = new RaisedDemand(f.CommunityId, r.CategoryId, description, place.CompoundId, place.Name, r.ContactName?.Trim() ?? "",
            r.ContactPhone?.Trim() ?? "", f.Id);
        var e = await demands.CheckRaisedAsync(org, raised, now, ct);
        if (e.Any) return Failure.Invalid(e);
        db.Entry(f).Property(x => x.Version).OriginalValue = r.Version;
        f.DemandRaisedAt = now;
        db.Publish(new CampaignFindingRaisedDemand(f.Id, f.CommunityId, r.CategoryId, description, place.CompoundId, place.Name, raised.ContactName, raised.ContactPhone), now);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new FindingSaved(f.Id, f.Version);
    }
}
