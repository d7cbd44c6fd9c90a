using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.CoBuilding.Domain;

/// <summary>What kind of body a partner unit is (驻区单位的类型).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartnerKind>))]
public enum PartnerKind { Agency, PublicInstitution, StateEnterprise, PrivateEnterprise, SocialOrganization, MassOrganization, PropertyCompany, PartyMerchant }

/// <summary>
/// A unit stationed in a street or community that takes part in co-building (共驻共建): its own party organisation, its
/// contact, the 党建指导员 sent to it. <see cref="OrgPath"/> is the path of the street or community it is stationed in.
/// </summary>
public class PartnerUnit : Entity, IOrgScoped, IVersioned
{
    public Guid StationedUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public PartnerKind Kind { get; set; }
    public string Address { get; set; } = "";
    public string? PartyOrgName { get; set; }
    public string? PartySecretary { get; set; }
    public int PartyMemberCount { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string? Instructor { get; set; }
    /// <summary>The account (共建单位联络员) that maintains this unit's own record.</summary>
    public Guid? LiaisonUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A seat on a joint committee held by a partner unit (兼职委员): the street's 大工委 or a community's 大党委.
/// <see cref="OrgPath"/> is the committee's street or community; an open seat has no <see cref="TermTo"/>.
/// </summary>
public class CommitteeSeat : Entity, IOrgScoped
{
    public Guid CommitteeUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid PartnerUnitId { get; set; }
    public string PersonName { get; set; } = "";
    public string Post { get; set; } = "";
    public DateOnly TermFrom { get; set; }
    public DateOnly? TermTo { get; set; }
}

public static class PartnerRules
{
    public static string Chinese(this PartnerKind k) => k switch
    {
        PartnerKind.Agency => "机关",
        PartnerKind.PublicInstitution => "事业单位",
        PartnerKind.StateEnterprise => "国有企业",
        PartnerKind.PrivateEnterprise => "非公企业",
        PartnerKind.SocialOrganization => "社会组织",
        PartnerKind.MassOrganization => "群团组织",
        PartnerKind.PropertyCompany => "物业企业",
        PartnerKind.PartyMerchant => "党员商户",
        _ => k.ToString(),
    };

    /// <summary>A street's joint committee is its 大工委, a community's its 大党委.</summary>
    public static string CommitteeName(bool street) => street ? "大工委" : "大党委";
}
