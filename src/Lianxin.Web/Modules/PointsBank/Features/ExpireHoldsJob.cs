using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>Holds the merchant neither confirmed nor voided in time give their points and stock back.</summary>
public class ExpireHoldsJob(LianxinDb db, TimeProvider clock) : IJob
{
    public static string Name => "pointsbank.holds";
    public static TimeSpan Period => TimeSpan.FromMinutes(1);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.PbRedemptions.AcrossScope().AsNoTracking()
            .Where(r => r.State == RedemptionState.Pending && r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).Take(500).ToListAsync(ct);
        var done = 0;
        foreach (var x in due)
            if ((await VoidRedemption.ReleaseAsync(db, clock, x, RedemptionState.Expired, ct)).IsOk) done++;
        return done;
    }
}
