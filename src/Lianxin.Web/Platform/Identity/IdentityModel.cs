using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Identity;

public static class IdentityModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<AppUser>(e =>
        {
            e.ToTable("idn_users");
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.HasIndex(u => new { u.TenantId, u.DisplayName });
        });
        b.Entity<IdentityUserClaim<Guid>>().ToTable("idn_user_claims");
        b.Entity<IdentityUserLogin<Guid>>().ToTable("idn_user_logins");
        b.Entity<IdentityUserToken<Guid>>().ToTable("idn_user_tokens");

        b.Entity<RoleGrant>(e =>
        {
            e.ToTable("idn_role_grants");
            e.Property(g => g.OrgPath).HasMaxLength(400);
            e.HasIndex(g => new { g.TenantId, g.UserId, g.Role, g.OrgUnitId }).IsUnique();
            e.HasIndex(g => new { g.TenantId, g.OrgPath });
        });
    }
}
