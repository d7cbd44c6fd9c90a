using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Open311.Data;
using Lianxin.Web.Modules.Demands.Open311.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>Demands follow a moved unit; a unit still handling demands cannot be dissolved (finish or pass them on first).</summary>
public class DemandsUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["dem_categories"] = await db.RebaseAsync<DemandCategory>(oldRoot, newRoot, ct),
            ["dem_demands"] = await db.RebaseAsync<Demand>(oldRoot, newRoot, ct),
            ["dem_demands.HandlerPath"] = await db.RebaseAsync<Demand>(oldRoot, newRoot, ct, nameof(Demand.HandlerPath)),
            ["dem_daily_figures"] = await db.RebaseAsync<DemandDayFigures>(oldRoot, newRoot, ct),
            ["dem_monthly_figures"] = await db.RebaseAsync<DemandMonthFigures>(oldRoot, newRoot, ct),
            ["dem_steps"] = await db.RebaseAsync<DemandStep>(oldRoot, newRoot, ct),
            ["dem_dispatches"] = await db.RebaseAsync<Dispatch>(oldRoot, newRoot, ct),
            ["dem_service_slots"] = await db.RebaseAsync<ServiceSlot>(oldRoot, newRoot, ct),
            ["dem_street_settings"] = await db.RebaseAsync<DemandStreetSettings>(oldRoot, newRoot, ct),
            ["dem_open311_clients"] = await db.RebaseAsync<Open311Client>(oldRoot, newRoot, ct),
            ["dem_open311_requests"] = await db.RebaseAsync<Open311Request>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.Demands.AcrossScope().CountAsync(d => d.OrgPath == path
            && (d.State == DemandState.Submitted || d.State == DemandState.Accepted || d.State == DemandState.Dispatched), ct);
        return n == 0 ? null : $"{n} 件在办诉求（请先办结或上报）";
    }
}
