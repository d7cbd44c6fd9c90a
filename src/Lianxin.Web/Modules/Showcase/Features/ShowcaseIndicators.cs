using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

/// <summary>Showcase's figures for leaders: news published and honours awarded in the period, model sites and brands held at its end.</summary>
public sealed class ShowcaseIndicators(LianxinDb db) : IIndicatorSource
{
    public const string NewsPublished = "showcase.news_published", Honours = "showcase.honours", ModelSites = "showcase.model_sites", Brands = "showcase.brands";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(NewsPublished, "宣传稿件发布数", "经街道审核、发布时间（北京时间）落在期间内的宣传稿件篇数。", "Showcase", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(Honours, "获得荣誉数", "授予日期落在期间内的荣誉（党组织、党员、居民）项数，各级合计。", "Showcase", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(ModelSites, "示范点数", "期末已命名（命名日期不晚于期末）的示范点个数。", "Showcase", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(Brands, "党建品牌数", "期末已登记的党建品牌个数（以登记时间为准）。", "Showcase", IndicatorUnit.Count, IndicatorRollup.Latest),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = ChinaTime.StartOfDayUtc(from);
        var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        // One grouped count per figure for every subtree asked (ADR 0039), added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        async Task Put(string code, IQueryable<PathCount> byPath)
        {
            if (!codes.Contains(code)) return;
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, await byPath.ToListAsync(ct), r => r.Path, r => r.Sum(x => x.N))) result[(code, path)] = new(n);
        }
        await Put(NewsPublished, db.NewsItems.AcrossScope().Where(n => n.OrgPath.StartsWith(root) && n.State == NewsState.Published && n.PublishedAt >= start && n.PublishedAt < end)
            .GroupBy(n => n.OrgPath).Select(g => new PathCount(g.Key, g.Count())));
        await Put(Honours, db.Honours.AcrossScope().Where(h => h.OrgPath.StartsWith(root) && h.AwardedOn >= from && h.AwardedOn <= to)
            .GroupBy(h => h.OrgPath).Select(g => new PathCount(g.Key, g.Count())));
        await Put(ModelSites, db.ModelSites.AcrossScope().Where(s => s.OrgPath.StartsWith(root) && s.NamedOn <= to)
            .GroupBy(s => s.OrgPath).Select(g => new PathCount(g.Key, g.Count())));
        await Put(Brands, db.Brands.AcrossScope().Where(b => b.OrgPath.StartsWith(root) && b.CreatedAt < end)
            .GroupBy(b => b.OrgPath).Select(g => new PathCount(g.Key, g.Count())));
        return result;
    }

    sealed record PathCount(string Path, int N);
}
