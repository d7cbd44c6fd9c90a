using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Data;

/// <summary>The Showcase tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class ShowcaseTables
{
    extension(LianxinDb db)
    {
        public DbSet<Brand> Brands => db.Set<Brand>();
        public DbSet<BrandLink> BrandLinks => db.Set<BrandLink>();
        public DbSet<ModelSite> ModelSites => db.Set<ModelSite>();
        public DbSet<Honour> Honours => db.Set<Honour>();
        public DbSet<NewsItem> NewsItems => db.Set<NewsItem>();
    }
}
