using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Platform.Identity;

/// <summary>A person who signs in. Users are global (a login happens before a district is known); what they may see comes from <see cref="RoleGrant"/>s.</summary>
public class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    [PersonalData]
    public string DisplayName { get; set; } = "";

    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
