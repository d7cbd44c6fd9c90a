using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.CoBuilding.Domain;

/// <summary>
/// A 党建联盟: units grouped around a theme (e.g. a shopping street's 两新组织, property companies and party-member merchants),
/// led by one of its members. <see cref="OrgPath"/> is the path of the street or community it belongs to.
/// </summary>
public class Alliance : Entity, IOrgScoped, IVersioned
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public string Theme { get; set; } = "";
    public DateOnly FoundedOn { get; set; }
    /// <summary>The lead organisation: a partner unit or an org unit, always one of the current members.</summary>
    public Guid? LeadPartnerUnitId { get; set; }
    public Guid? LeadOrgUnitId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A unit's membership of an alliance, from the day it joined to the day it left (open: still a member). A member is either a
/// partner unit or an org unit (a community's party committee, say). <see cref="OrgPath"/> is the alliance's.
/// </summary>
public class AllianceMember : Entity, IOrgScoped
{
    public Guid AllianceId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid? PartnerUnitId { get; set; }
    public Guid? OrgUnitId { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}
