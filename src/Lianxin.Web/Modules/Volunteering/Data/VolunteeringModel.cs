using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Data;

public static class VolunteeringModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Team>(e =>
        {
            e.ToTable("vol_teams");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.LeaderName).HasMaxLength(60);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.Name });
        });
        b.Entity<TeamMember>(e =>
        {
            e.ToTable("vol_team_members");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Skills).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.TeamId });
        });
        b.Entity<Activity>(e =>
        {
            e.ToTable("vol_activities");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.CancelReason).HasMaxLength(200);
            e.Ignore(x => x.IsCancelled);
            e.Property(x => x.Skills).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.StartsAt });
            e.HasIndex(x => new { x.TenantId, x.TeamId });
        });
        b.Entity<Signup>(e =>
        {
            e.ToTable("vol_signups");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            // One sign-up per account and activity (a double tap is refused by the database, not only by a check).
            e.HasIndex(x => new { x.TenantId, x.ActivityId, x.UserId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.Day });
            e.HasIndex(x => new { x.TenantId, x.UserId, x.Day });
            e.HasIndex(x => new { x.TenantId, x.MemberId, x.Day });
        });
    }
}
