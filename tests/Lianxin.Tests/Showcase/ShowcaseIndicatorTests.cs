using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Showcase;

/// <summary>What each Showcase figure counts, on a community of its own.</summary>
[Collection(AppCollection.Name)]
public class ShowcaseIndicatorTests(LianxinApp app)
{
    static readonly DateOnly From = new(2026, 3, 1), To = new(2026, 3, 31);

    [Fact]
    public void Figures_count_news_published_in_the_period_honours_awarded_in_it_and_sites_and_brands_held_at_its_end()
    {
        var (community, result) = app.WithScope(sp =>
        {
            var db = sp.GetRequiredService<LianxinDb>();
            // A street of its own: other tests count the demo street's communities.
            var street = db.Unit(db.OrgUnits.Single(u => u.Kind == OrgKind.District), OrgKind.Street, "品牌指标测试街道");
            var c = db.Unit(street, OrgKind.Community, "品牌指标测试社区");
            var branch = db.Unit(c, OrgKind.Branch, "品牌指标测试支部");
            NewsItem News(NewsState state, DateTime? publishedAt) => new() { OrgUnitId = branch.Id, OrgPath = branch.Path, Title = "t", Body = "b", State = state, PublishedAt = publishedAt, AuthorName = "a" };
            db.NewsItems.AddRange(
                // 1 March 00:30 in Beijing is still 28 February in UTC: it counts in March.
                News(NewsState.Published, ChinaTime.ToUtc(new DateTime(2026, 3, 1, 0, 30, 0))),
                News(NewsState.Published, ChinaTime.ToUtc(new DateTime(2026, 3, 31, 23, 0, 0))),
                News(NewsState.Published, ChinaTime.ToUtc(new DateTime(2026, 4, 1, 0, 10, 0))),
                News(NewsState.Submitted, null), News(NewsState.Returned, null), News(NewsState.Draft, null));
            Honour H(DateOnly on) => new() { OrgUnitId = c.Id, OrgPath = c.Path, Title = "好婆婆", AwardingBody = "社区", AwardedOn = on, RecipientKind = RecipientKind.Resident, RecipientName = "某" };
            db.Honours.AddRange(H(new(2026, 3, 8)), H(new(2026, 2, 28)), H(new(2026, 4, 1)));
            ModelSite S(DateOnly named) => new() { OrgUnitId = c.Id, OrgPath = c.Path, Name = "示范点", NamedOn = named, ReviewDueOn = named.AddYears(1) };
            db.ModelSites.AddRange(S(new(2025, 5, 1)), S(new(2026, 3, 31)), S(new(2026, 4, 2)));
            db.Brands.AddRange(new Brand { OrgUnitId = c.Id, OrgPath = c.Path, Name = "老品牌", Story = "s", CreatedAt = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc) },
                new Brand { OrgUnitId = c.Id, OrgPath = c.Path, Name = "新品牌", Story = "s", CreatedAt = new DateTime(2026, 5, 5, 0, 0, 0, DateTimeKind.Utc) });
            db.SaveChanges();
            var source = sp.GetServices<IIndicatorSource>().OfType<ShowcaseIndicators>().Single();
            // Synchronously: WithScope ends its scope when the lambda returns.
            return (c, source.ReadAsync(source.Indicators.Select(i => i.Code).ToList(), [c.Path], From, To, CancellationToken.None).GetAwaiter().GetResult());
        });

        Assert.Equal(2, result[(ShowcaseIndicators.NewsPublished, community.Path)].Numerator);
        Assert.Equal(1, result[(ShowcaseIndicators.Honours, community.Path)].Numerator);
        Assert.Equal(2, result[(ShowcaseIndicators.ModelSites, community.Path)].Numerator);
        Assert.Equal(1, result[(ShowcaseIndicators.Brands, community.Path)].Numerator);
    }

    [Fact]
    public void Every_Showcase_figure_is_in_the_catalogue_with_a_Chinese_name_its_prefix_and_how_it_adds_up()
    {
        var all = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().All).Where(i => i.Module == "Showcase").ToList();
        Assert.Equal(["showcase.brands", "showcase.honours", "showcase.model_sites", "showcase.news_published"], all.Select(i => i.Code).Order());
        Assert.All(all, i => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", i.Name));
        Assert.Equal(IndicatorRollup.Sum, all.Single(i => i.Code == ShowcaseIndicators.NewsPublished).Rollup);
        Assert.Equal(IndicatorRollup.Latest, all.Single(i => i.Code == ShowcaseIndicators.ModelSites).Rollup);
    }
}
