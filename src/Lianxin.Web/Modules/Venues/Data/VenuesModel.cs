using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Venues.Data;

public static class VenuesModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Venue>(e =>
        {
            e.ToTable("ven_venues");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.OpeningNote).HasMaxLength(200);
            // Flags: stored as their number so that any combination fits.
            e.Property(x => x.Functions).HasConversion<int>();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.Name });
        });
        b.Entity<VenueCheck>(e =>
        {
            e.ToTable("ven_checks");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Evidence).HasMaxLength(500);
            e.Property(x => x.CheckedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.VenueId, x.Item }).IsUnique();
        });
        b.Entity<Room>(e =>
        {
            e.ToTable("ven_rooms");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.VenueId });
        });
        b.Entity<RoomBooking>(e =>
        {
            e.ToTable("ven_bookings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.BookedBy).HasMaxLength(100);
            e.Property(x => x.Purpose).HasMaxLength(200);
            e.Property(x => x.ContactPhoneCipher).HasMaxLength(120);
            e.HasIndex(x => new { x.TenantId, x.RoomId, x.StartsAt });
        });
    }
}
