using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Data;

public static class PointsBankModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Account>(e =>
        {
            e.ToTable("pb_accounts");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Ignore(x => x.Guarded);
            e.HasIndex(x => new { x.TenantId, x.CommunityId, x.Kind, x.OwnerId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.OwnerId });
        });
        b.Entity<Transfer>(e =>
        {
            e.ToTable("pb_transfers", t =>
            {
                t.HasCheckConstraint("CK_pb_transfers_Amount", "\"Amount\" > 0");
                t.HasCheckConstraint("CK_pb_transfers_Accounts", "\"DebitAccountId\" <> \"CreditAccountId\"");
            });
            e.Property(x => x.Key).HasMaxLength(120);
            e.Property(x => x.CauseType).HasMaxLength(20);
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.DebitAccountId, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.CreditAccountId, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.Kind, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.ReversesId });
        });
        b.Entity<ExpiryNotice>(e =>
        {
            e.ToTable("pb_expiry_notices");
            e.HasIndex(x => new { x.TenantId, x.AccountId, x.ExpiresOn }).IsUnique();
        });
        b.Entity<EarnRate>(e =>
        {
            e.ToTable("pb_earn_rates");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.ActivityKind).HasMaxLength(40);
            e.HasIndex(x => new { x.TenantId, x.CommunityId, x.ActivityKind }).IsUnique();
        });
        b.Entity<Merchant>(e =>
        {
            e.ToTable("pb_merchants");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.ContactName).HasMaxLength(60);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OwnerUserId });
            e.HasIndex(x => new { x.TenantId, x.CommunityId, x.State });
        });
        b.Entity<CatalogueItem>(e =>
        {
            e.ToTable("pb_items");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.MerchantId });
        });
        b.Entity<Redemption>(e =>
        {
            e.ToTable("pb_redemptions");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.ItemName).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.MerchantId, x.State, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.State, x.ExpiresAt });
            e.HasIndex(x => new { x.TenantId, x.DepositorUserId });
        });
        b.Entity<RefusedScan>(e =>
        {
            e.ToTable("pb_refused_scans");
            e.Property(x => x.Reason).HasMaxLength(200);
        });
        b.Entity<Settlement>(e =>
        {
            e.ToTable("pb_settlements");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.MerchantId, x.PeriodFrom });
        });
        b.Entity<GoodDeed>(e =>
        {
            e.ToTable("pb_good_deeds");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.PersonName).HasMaxLength(60);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.CommunityId, x.State });
        });
    }
}
