using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Data;

public static class ShowcaseModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Brand>(e =>
        {
            e.ToTable("shw_brands");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Story).HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<BrandLink>(e =>
        {
            e.ToTable("shw_brand_links");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.BrandId, x.Kind, x.TargetId }).IsUnique();
        });
        b.Entity<ModelSite>(e =>
        {
            e.ToTable("shw_model_sites");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<Honour>(e =>
        {
            e.ToTable("shw_honours");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.AwardingBody).HasMaxLength(100);
            e.Property(x => x.RecipientName).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.AwardedOn });
        });
        b.Entity<NewsItem>(e =>
        {
            e.ToTable("shw_news");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Body).HasMaxLength(8000);
            e.Property(x => x.Channels).HasConversion<int>();
            e.Property(x => x.AuthorName).HasMaxLength(60);
            e.Property(x => x.ReviewedBy).HasMaxLength(60);
            e.Property(x => x.ReturnReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.State, x.PublishedAt });
        });
    }
}
