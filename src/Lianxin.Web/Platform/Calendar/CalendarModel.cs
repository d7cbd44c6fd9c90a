using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Calendar;

public static class CalendarModel
{
    public const int NameMax = 20;

    extension(LianxinDb db)
    {
        public DbSet<CalendarDay> CalendarDays => db.Set<CalendarDay>();
    }

    public static void Configure(ModelBuilder b, LianxinDb db) =>
        b.Entity<CalendarDay>(e =>
        {
            e.ToTable("cal_days");
            e.Property(x => x.Name).HasMaxLength(NameMax);
            e.HasIndex(x => new { x.TenantId, x.Date }).IsUnique();
            // The district's calendar: every unit of the tenant counts by it, so only the tenant limits it.
        });
}
