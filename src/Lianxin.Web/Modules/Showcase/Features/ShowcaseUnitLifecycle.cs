using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

/// <summary>Brands, sites, honours and news follow a moved unit; a unit with news waiting for the street's review cannot be dissolved.</summary>
public class ShowcaseUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["shw_brands"] = await db.RebaseAsync<Brand>(oldRoot, newRoot, ct),
            ["shw_brand_links"] = await db.RebaseAsync<BrandLink>(oldRoot, newRoot, ct),
            ["shw_model_sites"] = await db.RebaseAsync<ModelSite>(oldRoot, newRoot, ct),
            ["shw_honours"] = await db.RebaseAsync<Honour>(oldRoot, newRoot, ct),
            ["shw_news"] = await db.RebaseAsync<NewsItem>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.NewsItems.AcrossScope().CountAsync(x => x.OrgPath.StartsWith(path) && x.State == NewsState.Submitted, ct);
        return n == 0 ? null : $"{n} 篇待审核的宣传稿件";
    }
}
