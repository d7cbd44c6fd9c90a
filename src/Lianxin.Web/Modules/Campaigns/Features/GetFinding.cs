using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public record TaskDto(Guid Id, TaskState State, string StateName, string? ResponsibleUnit, Guid? PartnerUnitId, DateOnly DueOn, bool Overdue, string? DoneNote,
    string? DoneBy, DateTime? DoneAt, string? VerifiedBy, DateTime? VerifiedAt, string? ReturnNote, int Version, IReadOnlyList<Guid> Photos);

public record FindingDetail(Guid Id, Guid CampaignId, string Campaign, string Place, string Community, string Text, Severity Severity, string SeverityName,
    DateOnly InspectedOn, string InspectorName, int Version, IReadOnlyList<Guid> InspectionPhotos, TaskDto Task, DateTime? DemandRaisedAt, DemandSummary? Demand,
    DateTime? PledgeRaisedAt, bool CanRectify, bool CanVerify, IReadOnlyList<DemandCategoryOption> Categories, IReadOnlyList<PartnerUnitRef> Partners);

/// <summary>A finding with its rectification task, the photos of both, what it raised, and the choices for the forms of those who may act on it.</summary>
public static class GetFinding
{
    public static async Task<Outcome<FindingDetail>> HandleAsync(LianxinDb db, OrgDirectory org, DemandDirectory demands, PartnerUnitDirectory partners,
        TimeProvider clock, Guid id, CancellationToken ct)
    {
        var f = await db.CampaignFindings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return Failure.NotFound;
        // In scope is not enough: a resident of the community sees its places, not the inspectors' findings.
        if (!db.Scope.Can(CampaignPermissions.View, f.OrgPath)) return Failure.Forbidden;
        var t = await db.CampaignTasks.AsNoTracking().FirstAsync(x => x.FindingId == id, ct);
        var c = await db.Campaigns.AsNoTracking().FirstAsync(x => x.Id == f.CampaignId, ct);
        var place = await db.CampaignPlaces.AsNoTracking().FirstAsync(x => x.Id == f.PlaceId, ct);
        var inspection = await db.CampaignInspections.AsNoTracking().FirstAsync(x => x.Id == f.InspectionId, ct);
        var canRectify = db.Scope.Can(CampaignPermissions.Rectify, f.OrgPath);
        var demand = f.DemandRaisedAt is null ? null : (await demands.RaisedFromAsync([f.Id], ct)).GetValueOrDefault(f.Id);
        var community = (await org.NamesAsync([f.CommunityId], ct)).GetValueOrDefault(f.CommunityId, "—");
        var today = clock.Today();
        return new FindingDetail(f.Id, c.Id, c.Title, place.Name, community, f.Text, f.Severity, f.Severity.Chinese(), inspection.InspectedOn, inspection.InspectorName,
            f.Version, await CampaignFiles.IdsAsync(db, CampaignFiles.InspectionKind, inspection.Id, ct),
            new TaskDto(t.Id, t.State, t.State.Chinese(), t.ResponsibleUnit, t.PartnerUnitId, t.DueOn, t.Overdue(today), t.DoneNote, t.DoneBy, t.DoneAt, t.VerifiedBy,
                t.VerifiedAt, t.ReturnNote, t.Version, await CampaignFiles.IdsAsync(db, CampaignFiles.TaskKind, t.Id, ct)),
            f.DemandRaisedAt, demand, f.PledgeRaisedAt, canRectify, VerifyTask.MayVerify(db, t, f.InspectorUserId),
            canRectify && f.DemandRaisedAt is null ? await demands.CategoriesAsync(org, f.CommunityId, ct) : [],
            canRectify && t.State == TaskState.Open ? await partners.SearchAsync(f.OrgPath, null, 50, ct) : []);
    }
}
