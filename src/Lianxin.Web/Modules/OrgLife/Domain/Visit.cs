using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Domain;

/// <summary>
/// A household visit (日走访) logged by community staff or a grid leader: which household, when, what was found and whether it
/// needs following up. <see cref="OrgPath"/> is the household's (its grid or compound branch), so that branch, its community
/// and its street see it. A visit that raised a demand keeps the demand's id and ticket number.
/// </summary>
public class HouseholdVisit : Entity, IOrgScoped
{
    public Guid HouseholdId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    /// <summary>Compound, building, unit and room, as the visitor saw it ("和园小区 3号楼 2单元 301").</summary>
    public string Address { get; set; } = "";
    public DateOnly VisitedOn { get; set; }
    public Guid VisitorUserId { get; set; }
    public string VisitorName { get; set; } = "";
    public string Findings { get; set; } = "";
    public bool NeedsFollowUp { get; set; }
    public string? FollowUp { get; set; }
    public Guid? DemandId { get; set; }
    public string? DemandTicket { get; set; }
    public DateTime CreatedAt { get; set; }
}
