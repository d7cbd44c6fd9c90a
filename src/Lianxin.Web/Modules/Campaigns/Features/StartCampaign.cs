using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public record CampaignStateRequest(int Version);

/// <summary>The street launches a draft: from now on (within its period) the places in scope are inspected.</summary>
public static class StartCampaign
{
    public static async Task<Outcome<CampaignSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CampaignStateRequest r, CancellationToken ct)
    {
        var c = await db.Campaigns.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        if (!db.Scope.Can(CampaignPermissions.Manage, c.OrgPath)) return Failure.Forbidden;
        if (c.State != CampaignState.Draft) return Failure.Conflict($"专项行动已{c.State.Chinese()}。");
        if (c.Version != r.Version) return Failure.Stale;
        db.Entry(c).Property(x => x.Version).OriginalValue = r.Version;
        (c.State, c.StartedAt) = (CampaignState.Running, clock.GetUtcNow().UtcDateTime);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new CampaignSaved(c.Id, c.Version);
    }
}
