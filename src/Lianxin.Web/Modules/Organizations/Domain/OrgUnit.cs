using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Organizations.Domain;

/// <summary>One node of the party organisation tree. <see cref="Path"/> is materialised: /district/street/…/self/.</summary>
public class OrgUnit : Entity, IOrgScoped, IVersioned
{
    public Guid? ParentId { get; set; }
    public string Path { get; set; } = "";
    public int Depth { get; set; }
    public OrgKind Kind { get; set; }
    public BranchKind BranchKind { get; set; }
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string Code { get; set; } = "";
    public string? Contact { get; set; }
    public string? Address { get; set; }
    public OrgStatus Status { get; set; }
    public DateTime? DissolvedAt { get; set; }
    public string? DissolveReason { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }

    string IOrgScoped.OrgPath => Path;

    public bool IsActive => Status == OrgStatus.Active;

    public static string PathOf(string? parentPath, Guid id) => (parentPath ?? "/") + id.ToString("N") + "/";
}
