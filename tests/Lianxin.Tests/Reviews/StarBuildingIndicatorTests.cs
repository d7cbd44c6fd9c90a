using Lianxin.Tests.Rollups;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Reviews;

/// <summary>The definitions of reviews.star_buildings and reviews.cultivation_targets.</summary>
[Collection(AppCollection.Name)]
public class StarBuildingIndicatorTests(LianxinApp app)
{
    IReadOnlyDictionary<(string Code, string Path), IndicatorValue> Read(string code, string path, DateOnly from, DateOnly to) =>
        app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().ReadAsync([code], [path], from, to, default).GetAwaiter().GetResult());

    static DateTime On(int year, int month) => new(year, month, 1, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Star_buildings_count_buildings_holding_stars_at_the_period_end_and_not_units()
    {
        var s = RollupStreet.Create(app);
        app.WithDb(db =>
        {
            StarAward Award(Guid id, OrgUnit owner, int level, int month, ReviewTarget target = ReviewTarget.Buildings) => new()
            {
                TenantId = owner.TenantId, UnitId = id, Target = target, OrgPath = owner.Path, Level = level, Programme = RubricPurpose.StarBuilding,
                Reason = "测试", By = "测试", At = On(2019, month),
            };
            Guid a = Guid.CreateVersion7(), b = Guid.CreateVersion7();
            // Building a: 3★ in May, taken off in August; building b: 4★ in June; a unit rated in the same programme is no building.
            db.StarAwards.AddRange(Award(a, s.East, 3, 5), Award(a, s.East, 0, 8), Award(b, s.West, 4, 6), Award(s.East.Id, s.East, 5, 5, ReviewTarget.Units));
            return db.SaveChanges();
        });
        Assert.Equal(2, Read(ReviewIndicators.StarBuildings, s.Street.Path, new(2019, 4, 1), new(2019, 6, 30))[(ReviewIndicators.StarBuildings, s.Street.Path)].Value);
        Assert.Equal(1, Read(ReviewIndicators.StarBuildings, s.Street.Path, new(2019, 7, 1), new(2019, 9, 30))[(ReviewIndicators.StarBuildings, s.Street.Path)].Value);
        Assert.Equal(0, Read(ReviewIndicators.StarBuildings, s.West.Path, new(2019, 4, 1), new(2019, 5, 31))[(ReviewIndicators.StarBuildings, s.West.Path)].Value);
    }

    [Fact]
    public void Cultivation_targets_count_the_years_listed_branches_still_on_the_list_at_the_period_end()
    {
        var s = RollupStreet.Create(app);
        app.WithDb(db =>
        {
            CultivationTarget Entry(OrgUnit unit, int year, int month, int? removedMonth = null) => new()
            {
                TenantId = unit.TenantId, Year = year, UnitId = Guid.CreateVersion7(), UnitName = "测试支部", OrgPath = unit.Path, ListedByUnitId = s.Street.Id,
                ListedByName = "测试街道", Reason = "测试", Responsible = "测试", AddedBy = "测试", AddedAt = On(year, month),
                RemovedAt = removedMonth is { } m ? On(year, m) : null, RemovalReason = removedMonth is null ? null : "测试",
            };
            // 2019: two listed in March, one taken off in August, one listed in October; one on the 2018 list does not count for 2019.
            db.CultivationTargets.AddRange(Entry(s.East, 2019, 3), Entry(s.West, 2019, 3, 8), Entry(s.West, 2019, 10), Entry(s.East, 2018, 3));
            return db.SaveChanges();
        });
        Assert.Equal(2, Read(ReviewIndicators.CultivationTargets, s.Street.Path, new(2019, 4, 1), new(2019, 6, 30))[(ReviewIndicators.CultivationTargets, s.Street.Path)].Value);
        Assert.Equal(1, Read(ReviewIndicators.CultivationTargets, s.Street.Path, new(2019, 7, 1), new(2019, 9, 30))[(ReviewIndicators.CultivationTargets, s.Street.Path)].Value);
        Assert.Equal(2, Read(ReviewIndicators.CultivationTargets, s.Street.Path, new(2019, 10, 1), new(2019, 12, 31))[(ReviewIndicators.CultivationTargets, s.Street.Path)].Value);
        Assert.Equal(1, Read(ReviewIndicators.CultivationTargets, s.East.Path, new(2019, 10, 1), new(2019, 12, 31))[(ReviewIndicators.CultivationTargets, s.East.Path)].Value);
    }
}
