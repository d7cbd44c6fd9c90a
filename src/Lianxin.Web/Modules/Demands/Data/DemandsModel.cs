using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Data;

public static class DemandsModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<DemandCategory>(e =>
        {
            e.ToTable("dem_categories");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(40);
            e.HasIndex(x => new { x.TenantId, x.StreetId, x.Name }).IsUnique();
        });
        b.Entity<DemandDayFigures>(e =>
        {
            e.ToTable("dem_daily_figures");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            // Subtree sums read a path range: in byte order on PostgreSQL whatever the database's collation, as on SQLite.
            if (db.Database.IsNpgsql()) e.Property(x => x.OrgPath).UseCollation("C");
            e.Property(x => x.CategoryName).HasMaxLength(40);
            e.HasIndex(x => new { x.TenantId, x.OrgPath }, "IX_dem_daily_figures_TenantId_OrgPath").HasOperators(null!, "varchar_pattern_ops");
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.Day }, "IX_dem_daily_figures_range");
            // A few days of a large subtree: the date range first (ADR 0045); the index above serves small subtrees over long periods.
            e.HasIndex(x => new { x.TenantId, x.Day, x.OrgPath }, "IX_dem_daily_figures_period");
            // The row an additive upsert lands on (ON CONFLICT): the unit's id does not change when its subtree moves.
            e.HasIndex(x => new { x.TenantId, x.UnitId, x.Day, x.CategoryName, x.Level, x.HandlerUnitId }, "IX_dem_daily_figures_row").IsUnique();
        });
        b.Entity<DemandMonthFigures>(e =>
        {
            e.ToTable("dem_monthly_figures");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            if (db.Database.IsNpgsql()) e.Property(x => x.OrgPath).UseCollation("C");
            e.Property(x => x.CategoryName).HasMaxLength(40);
            e.HasIndex(x => new { x.TenantId, x.OrgPath }, "IX_dem_monthly_figures_TenantId_OrgPath").HasOperators(null!, "varchar_pattern_ops");
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.Month }, "IX_dem_monthly_figures_range");
            e.HasIndex(x => new { x.TenantId, x.Month, x.OrgPath }, "IX_dem_monthly_figures_period");
            e.HasIndex(x => new { x.TenantId, x.UnitId, x.Month, x.CategoryName, x.Level, x.HandlerUnitId }, "IX_dem_monthly_figures_row").IsUnique();
        });
        b.Entity<Demand>(e =>
        {
            e.ToTable("dem_demands");
            e.Property(x => x.TicketNo).HasMaxLength(20);
            e.Property(x => x.CategoryName).HasMaxLength(40);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.ContactName).HasMaxLength(40);
            e.Property(x => x.ContactPhoneCipher).HasMaxLength(120);
            e.Property(x => x.ContactPhoneHash).HasMaxLength(64);
            e.Property(x => x.PhoneTail).HasMaxLength(4);
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.HandlerPath).HasMaxLength(400);
            e.Property(x => x.Outcome).HasMaxLength(2000);
            e.Property(x => x.RatingNote).HasMaxLength(500);
            e.Property(x => x.IdempotencyKey).HasMaxLength(120);
            // Derived from the searched columns by its getter, indexed outside the model (migration 0049, ADR 0036); at most
            // three characters per character of ticket, description and address.
            e.Property(x => x.SearchText).HasMaxLength(8000).UsePropertyAccessMode(PropertyAccessMode.Property);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.TicketNo }).IsUnique();
            // NULL keys are distinct on both providers, so only keyed submissions are deduplicated.
            e.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.State, x.ResolveDueAt });
            // The escalation job's batch (ADR 0056): only open demands nobody flagged yet, in due order, so a street's many
            // closed or flagged demands are never read to find the late ones. The job's query repeats both terms as written
            // here (SQLite uses a partial index only when its terms appear in the query); migration 0056 writes the same.
            e.HasIndex(x => new { x.TenantId, x.ResolveDueAt }, "IX_dem_demands_open_due")
                .HasFilter("""NOT "Overdue" AND "State" IN ('Submitted', 'Accepted', 'Dispatched')""");
            e.HasIndex(x => new { x.TenantId, x.SlotId });
            e.HasIndex(x => new { x.TenantId, x.FiledByUserId });
            e.HasIndex(x => new { x.TenantId, x.ContactPhoneHash });
            // The list pages newest first (CreatedAt, then Id for a stable order) and the figures read a period: both walk this one.
            e.HasIndex(x => new { x.TenantId, x.CreatedAt, x.Id });
            // The list filtered by state (待受理, 办理中…) in the same order.
            e.HasIndex(x => new { x.TenantId, x.State, x.CreatedAt });
            // Subtree prefix (OrgPath LIKE 'path%') as an index range on PostgreSQL whatever the database collation
            // (pattern operators), with the state: the list's counts read this index only. SQLite ignores the operators.
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.State }).HasOperators(null!, "varchar_pattern_ops", null!);
        });
        b.Entity<DemandStep>(e =>
        {
            e.ToTable("dem_steps");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.TenantId, x.DemandId, x.At });
        });
        b.Entity<Dispatch>(e =>
        {
            e.ToTable("dem_dispatches");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.DemandPath).HasMaxLength(400);
            e.Property(x => x.DepartmentName).HasMaxLength(100);
            e.Property(x => x.Request).HasMaxLength(2000);
            e.Property(x => x.Report).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.DemandId });
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.State });
            // A department sees its dispatches; the street and the demand's units see them through the demand's path.
        });
        b.Entity<ServiceSlot>(e =>
        {
            e.ToTable("dem_service_slots");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Modes).HasMaxLength(100);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.CommunityId, x.StartsAt });
        });
        b.Entity<DemandStreetSettings>(e =>
        {
            e.ToTable("dem_street_settings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.StreetId }).IsUnique();
        });
    }
}
