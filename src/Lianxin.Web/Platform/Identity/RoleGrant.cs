using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Identity;

/// <summary>A user holds a role at an org unit; their scope is the union of the subtrees of these units.</summary>
public class RoleGrant : Entity, IOrgScoped
{
    public Guid UserId { get; set; }
    public Role Role { get; set; }
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateTime GrantedAt { get; set; }
    public Guid? GrantedBy { get; set; }
}
