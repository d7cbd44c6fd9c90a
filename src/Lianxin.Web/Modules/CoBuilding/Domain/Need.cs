using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.CoBuilding.Domain;

/// <summary>What a need asks for and a resource offers (需求类别 / 资源类型): matching pairs the same kind.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupplyKind>))]
public enum SupplyKind { Venue, Funds, Skills, Volunteers, Equipment, Other }

[JsonConverter(typeof(JsonStringEnumConverter<NeedStatus>))]
public enum NeedStatus { Open, Met }

/// <summary>
/// A line of a community's (or street's) 需求清单: what residents need, how much, by when and where. <see cref="Promised"/> is the
/// sum of the confirmed matches' quantities; the need is met once they cover <see cref="Quantity"/>.
/// </summary>
public class Need : Entity, IOrgScoped, IVersioned
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public SupplyKind Kind { get; set; }
    public int Quantity { get; set; }
    /// <summary>What the quantity counts: 人次, 场, 元, 台…</summary>
    public string Measure { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public string Place { get; set; } = "";
    public int Promised { get; set; }
    public NeedStatus Status { get; set; }
    public DateTime PublishedAt { get; set; }
    public DateTime? MetAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public int Version { get; set; }

    public int Remaining => Math.Max(0, Quantity - Promised);
}

/// <summary>
/// A line of a partner unit's 资源清单: a venue, funds, skills, volunteers or equipment it offers in a window. <see cref="OrgPath"/>
/// is the unit's (where it is stationed); <see cref="Promised"/> never exceeds <see cref="Quantity"/> (the version token keeps two
/// concurrent promises of the last unit from both passing).
/// </summary>
public class Resource : Entity, IOrgScoped, IVersioned
{
    public Guid PartnerUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public SupplyKind Kind { get; set; }
    public int Quantity { get; set; }
    public string Measure { get; set; } = "";
    public DateOnly AvailableFrom { get; set; }
    public DateOnly AvailableTo { get; set; }
    public int Promised { get; set; }
    public DateTime PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public int Version { get; set; }

    public int Remaining => Math.Max(0, Quantity - Promised);
}

/// <summary>A confirmed match (供需对接): a quantity of a resource promised to a need; later taken into a project.</summary>
public class NeedMatch : Entity, IOrgScoped
{
    public Guid NeedId { get; set; }
    public Guid ResourceId { get; set; }
    public Guid PartnerUnitId { get; set; }
    /// <summary>The need's path: the match is the community's record.</summary>
    public string OrgPath { get; set; } = "";
    public int Quantity { get; set; }
    public string? Note { get; set; }
    public Guid? ProjectId { get; set; }
    public DateTime ConfirmedAt { get; set; }
    public string ConfirmedBy { get; set; } = "";
    /// <summary>True when the unit's liaison offered it in answer to the need (响应需求), false when staff matched it.</summary>
    public bool ByLiaison { get; set; }
}
