using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Deliberation.Features;

public class RaiseMotionRequest
{
    public Guid CompoundId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string? ProposerName { get; set; }
    /// <summary>A demand's ticket (受理编号) when the motion grows out of a resident's demand (staff only).</summary>
    public string? DemandTicket { get; set; }
}

public record MotionSaved(Guid Id, int Version);

/// <summary>
/// A motion raised at a compound: by a resident on the public page (anonymous or signed in), or signed in by a member or staff,
/// possibly from a demand. It goes first to the compound's meeting: the compound's own branch, else its grid branch, else its community.
/// </summary>
public static class RaiseMotion
{
    public static async Task<Outcome<MotionSaved>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands,
        TimeProvider clock, RaiseMotionRequest r, bool isPublic, CancellationToken ct)
    {
        var e = new Errors();
        var place = await PlaceAsync(org, places, r.CompoundId, ct);
        if (place is null) e.Fail(nameof(r.CompoundId), "请选择小区。");
        // Signed-in raising is for the caller's own compounds; the public page takes any compound of the district.
        else if (!isPublic)
        {
            if (!db.Scope.Sees(place.OrgPath)) e.Fail(nameof(r.CompoundId), "请选择您辖区内的小区。");
            else if (!db.Scope.Can(DeliberationPermissions.Raise, place.OrgPath)) return Failure.Forbidden;
        }
        e.Required(nameof(r.Title), r.Title, "请填写议题。");
        e.Max(nameof(r.Title), r.Title, 100, "议题");
        e.Required(nameof(r.Description), r.Description, "请说明议题的情况和建议。");
        e.Max(nameof(r.Description), r.Description, 2000, "议题说明");
        e.Max(nameof(r.ProposerName), r.ProposerName, 60, "提议人");
        DemandSummary? demand = null;
        if (!string.IsNullOrWhiteSpace(r.DemandTicket))
        {
            if (isPublic || !db.Scope.CanAnywhere(DeliberationPermissions.Manage)) e.Fail(nameof(r.DemandTicket), "只有工作人员可以将诉求转为议题。");
            else if ((demand = await demands.FindByTicketAsync(r.DemandTicket, ct)) is null) e.Fail(nameof(r.DemandTicket), "未找到该受理编号的诉求，或它不在您的辖区。");
        }
        if (e.Any) return Failure.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        var m = new Motion
        {
            CompoundId = place!.CompoundId, CompoundName = place.CompoundName, CommunityId = place.CommunityId, StreetId = place.StreetId, OrgPath = place.OrgPath,
            Level = MotionLevel.Compound, HandlerUnitId = place.Handler.Id, HandlerPath = place.Handler.Path,
            Title = r.Title.Trim(), Description = r.Description.Trim(), ProposerName = Blank(r.ProposerName),
            Source = demand is not null ? MotionSource.Demand : isPublic ? MotionSource.Resident
                : db.Scope.CanAnywhere(DeliberationPermissions.Manage) ? MotionSource.Staff : MotionSource.Member,
            RaisedByUserId = db.Scope.UserId, DemandId = demand?.Id, DemandTicket = demand?.TicketNo,
            State = MotionState.Open, RaisedAt = now, LevelSince = now,
        };
        db.Motions.Add(m);
        await db.SaveChangesAsync(ct);
        return new MotionSaved(m.Id, m.Version);
    }

    /// <summary>Where a compound's motion lives: the compound's place path and the unit whose meeting takes it up first.</summary>
    public record MotionPlace(Guid CompoundId, string CompoundName, Guid CommunityId, Guid StreetId, string OrgPath, OrgUnitRef Handler);

    internal static async Task<MotionPlace?> PlaceAsync(OrgDirectory org, PlaceDirectory places, Guid compoundId, CancellationToken ct)
    {
        if (compoundId == Guid.Empty) return null;
        var route = await places.FindCompoundRouteInDistrictAsync(compoundId, ct);
        var compound = (await places.CompoundsAsync([compoundId], ct)).FirstOrDefault();
        if (route is null || compound is null) return null;
        var community = await org.FindInDistrictAsync(route.CommunityId, ct);
        if (community is not { IsActive: true, ParentId: { } streetId }) return null;
        var handler = (route.BranchId ?? route.GridBranchId) is { } b ? await org.FindInDistrictAsync(b, ct) : null;
        return new MotionPlace(compound.Id, compound.Name, community.Id, streetId, compound.OrgPath, handler is { IsActive: true } ? handler : community);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
