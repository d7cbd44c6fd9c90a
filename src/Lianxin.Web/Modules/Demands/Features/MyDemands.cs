using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

public record MyDemandRow(string TicketNo, string CategoryName, string Description, DemandState State, string StateName, DateTime CreatedAt, string TrackUrl);

/// <summary>"我的诉求": the demands a resident filed while signed in, newest first, each with its public tracking page.</summary>
public static class MyDemands
{
    public static async Task<Outcome<List<MyDemandRow>>> ListAsync(LianxinDb db, CancellationToken ct)
    {
        if (!db.Scope.IsSignedIn || !db.Scope.CanAnywhere(DemandPermissions.DemandOwn)) return Failure.Forbidden;
        var me = db.Scope.UserId;
        // Across the scope: a resident's own unit is not where the demand is handled; the filter is their user id.
        var rows = await db.Demands.AcrossScope().AsNoTracking().Where(d => d.FiledByUserId == me)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(200)
            .Select(d => new { d.TicketNo, d.CategoryName, d.Description, d.State, d.CreatedAt }).ToListAsync(ct);
        return rows.Select(d => new MyDemandRow(d.TicketNo, d.CategoryName, d.Description, d.State, d.State.Chinese(), d.CreatedAt,
            $"/public/demands/track?ticket={d.TicketNo}")).ToList();
    }
}
