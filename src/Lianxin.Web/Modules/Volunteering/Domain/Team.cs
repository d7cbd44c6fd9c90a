using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Volunteering.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<TeamKind>))]
public enum TeamKind { PartyVanguard, Volunteer, PartySkills, Skills, Guardian }

/// <summary>A volunteer team (党员先锋队, 志愿服务队…) owned by a street or community; <see cref="OrgPath"/> is the owning unit's.</summary>
public class Team : Entity, IOrgScoped, IVersioned
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public TeamKind Kind { get; set; }
    public string LeaderName { get; set; } = "";
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A person on a team: a party member (from Members' roster), a resident with an account, or a resident known only
/// by name. <see cref="OrgPath"/> is the team's.
/// </summary>
public class TeamMember : Entity, IOrgScoped
{
    public Guid TeamId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid? MemberId { get; set; }
    public Guid? UserId { get; set; }
    public string Name { get; set; } = "";
    public string? Skills { get; set; }
    public DateOnly JoinedOn { get; set; }
}

public static class TeamKinds
{
    public static string Chinese(this TeamKind k) => k switch
    {
        TeamKind.PartyVanguard => "党员先锋队",
        TeamKind.Volunteer => "志愿服务队",
        TeamKind.PartySkills => "党员技能志愿服务队",
        TeamKind.Skills => "技能志愿服务队",
        TeamKind.Guardian => "护河护湖志愿队",
        _ => k.ToString(),
    };
}
