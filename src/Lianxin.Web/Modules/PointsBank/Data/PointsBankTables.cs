using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Data;

/// <summary>The points bank's tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class PointsBankTables
{
    extension(LianxinDb db)
    {
        public DbSet<Account> PbAccounts => db.Set<Account>();
        public DbSet<Transfer> PbTransfers => db.Set<Transfer>();
        public DbSet<EarnRate> PbEarnRates => db.Set<EarnRate>();
        public DbSet<Merchant> PbMerchants => db.Set<Merchant>();
        public DbSet<CatalogueItem> PbItems => db.Set<CatalogueItem>();
        public DbSet<Redemption> PbRedemptions => db.Set<Redemption>();
        public DbSet<RefusedScan> PbRefusedScans => db.Set<RefusedScan>();
        public DbSet<Settlement> PbSettlements => db.Set<Settlement>();
        public DbSet<GoodDeed> PbGoodDeeds => db.Set<GoodDeed>();
        public DbSet<ExpiryNotice> PbExpiryNotices => db.Set<ExpiryNotice>();
    }
}
