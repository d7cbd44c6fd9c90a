using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

/// <summary>The street closes a running campaign: no more inspections; open rectification tasks stay open until they are verified.</summary>
public static class CloseCampaign
{
    public static async Task<Outcome<CampaignSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CampaignStateRequest r, CancellationToken ct)
    {
        var c = await db.Campaigns.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        if (!db.Scope.Can(CampaignPermissions.Manage, c.OrgPath)) return Failure.Forbidden;
        if (c.State != CampaignState.Running) return Failure.Conflict(c.State == CampaignState.Draft ? "专项行动尚未启动。" : "专项行动已结束。");
        if (c.Version != r.Version) return Failure.Stale;
        db.Entry(c).Property(x => x.Version).OriginalValue = r.Version;
        (c.State, c.ClosedAt) = (CampaignState.Closed, clock.GetUtcNow().UtcDateTime);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new CampaignSaved(c.Id, c.Version);
    }
}
