using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Visits;

public record VisitDetail(Guid Id, Guid HouseholdId, string Address, DateOnly VisitedOn, string Visitor, string Findings, bool NeedsFollowUp,
    string? FollowUp, Guid? DemandId, string? DemandTicket, DateTime CreatedAt);

public static class GetVisit
{
    public static async Task<Outcome<VisitDetail>> HandleAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var v = await db.HouseholdVisits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (v is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.View, v.OrgPath)) return Failure.Forbidden;
        return new VisitDetail(v.Id, v.HouseholdId, v.Address, v.VisitedOn, v.VisitorName, v.Findings, v.NeedsFollowUp, v.FollowUp, v.DemandId, v.DemandTicket, v.CreatedAt);
    }
}
