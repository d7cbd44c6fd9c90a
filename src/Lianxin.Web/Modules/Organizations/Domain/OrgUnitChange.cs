using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Organizations.Domain;

/// <summary>What happened to a unit: created, split out of a grid branch (拆—转—建), moved under another parent, dissolved.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrgChangeKind>))]
public enum OrgChangeKind { Created, Split, Moved, Dissolved }

/// <summary>
/// One change of the tree, kept so that the tree of a past day can be rebuilt (<see cref="Features.TreeOnDate"/>). Written in
/// the same transaction as the change. Rows hold parents, not paths: a moved unit's descendants follow it without rows of their own.
/// Not scoped by path on purpose: a unit moved out of a street was still that street's on the days before the move, so the
/// rebuild reads every row of the district and applies the caller's scope to the tree it rebuilt.
/// </summary>
public class OrgUnitChange : Entity
{
    public Guid UnitId { get; set; }
    public OrgChangeKind Kind { get; set; }
    /// <summary>The day it took effect (Asia/Shanghai).</summary>
    public DateOnly On { get; set; }
    /// <summary>The parent from that day on.</summary>
    public Guid? ParentId { get; set; }
    /// <summary>The parent before a move.</summary>
    public Guid? FromParentId { get; set; }
    /// <summary>The compound split out into the new branch.</summary>
    public Guid? CompoundId { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
