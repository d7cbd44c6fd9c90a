using Lianxin.Tests.Support;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.CoBuilding;

/// <summary>Each indicator of the three lists, on a street of its own in 2019 (no one else has co-building records then), added up as the roll-ups do.</summary>
[Collection(AppCollection.Name)]
public class CoBuildingLoopIndicatorTests(LianxinApp app)
{
    static readonly DateOnly From = new(2019, 4, 1), To = new(2019, 6, 30);
    static DateTime At(int month, int day) => new(2019, month, day, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Needs_resources_projects_and_the_fulfilment_rate_count_the_period_under_each_unit()
    {
        var (street, east, west) = app.WithDb(db =>
        {
            var district = db.OrgUnits.Single(u => u.Kind == OrgKind.District);
            var s = db.Unit(district, OrgKind.Street, "共建指标街道");
            var e = db.Unit(s, OrgKind.Community, "共建东社区");
            var w = db.Unit(s, OrgKind.Community, "共建西社区");
            var t = s.TenantId;
            Need N(OrgUnit u, DateTime published, DateTime? met) => new()
            {
                TenantId = t, UnitId = u.Id, OrgPath = u.Path, Title = "指标需求", Kind = SupplyKind.Skills, Quantity = 1, Measure = "场", Deadline = new(2019, 12, 1),
                Place = "测试", PublishedAt = published, MetAt = met, Status = met is null ? NeedStatus.Open : NeedStatus.Met,
            };
            Resource R(OrgUnit u, DateTime published) => new()
            {
                TenantId = t, PartnerUnitId = Guid.NewGuid(), OrgPath = u.Path, Title = "指标资源", Kind = SupplyKind.Skills, Quantity = 5, Measure = "场",
                AvailableFrom = new(2019, 1, 1), AvailableTo = new(2019, 12, 31), PublishedAt = published,
            };
            CoProject P(OrgUnit u, DateOnly start, DateOnly end, DateOnly? done) => new()
            {
                TenantId = t, UnitId = u.Id, OrgPath = u.Path, Title = "指标项目", Goal = "测试", StartOn = start, EndOn = end, DoneOn = done,
                Status = done is null ? ProjectStatus.Running : ProjectStatus.Done, CreatedAt = At(1, 1),
            };
            // East: 3 needs in Q2 (one met in Q2, one met only in July), one in Q1; West: 1 need in Q2, met.
            db.Needs.AddRange(N(e, At(4, 2), At(5, 1)), N(e, At(5, 2), At(7, 3)), N(e, At(6, 2), null), N(e, At(2, 2), At(2, 9)), N(w, At(6, 30), At(6, 30)));
            // Resources: east 2 in Q2 (one used in Q2, one used twice in Q2), west 1 in Q1 used in Q2, east 1 used only in Q3.
            var (r1, r2, r3, r4) = (R(e, At(4, 5)), R(e, At(5, 5)), R(w, At(3, 5)), R(e, At(3, 6)));
            db.Resources.AddRange(r1, r2, r3, r4);
            NeedMatch M(Resource r, DateTime at) => new() { TenantId = t, NeedId = Guid.NewGuid(), ResourceId = r.Id, PartnerUnitId = r.PartnerUnitId, OrgPath = r.OrgPath, Quantity = 1, ConfirmedAt = at, ConfirmedBy = "测试" };
            db.NeedMatches.AddRange(M(r1, At(4, 20)), M(r2, At(5, 20)), M(r2, At(6, 1)), M(r3, At(6, 10)), M(r4, At(8, 1)));
            // Projects: east one running at the end of Q2, one done on time in Q2, one done late in Q2; west one done in Q3 (running at the end of Q2).
            db.CoProjects.AddRange(P(e, new(2019, 3, 1), new(2019, 9, 1), null), P(e, new(2019, 4, 1), new(2019, 5, 31), new(2019, 5, 30)),
                P(e, new(2019, 4, 1), new(2019, 5, 31), new(2019, 6, 15)), P(w, new(2019, 5, 1), new(2019, 7, 31), new(2019, 7, 20)));
            // Annual reviews of 2019: east units 3 of 4 and 1 of 1, west 0 of 2; a 2018 review that does not count.
            UnitReview V(OrgUnit u, int year, int due, int fulfilled) => new()
            {
                TenantId = t, PartnerUnitId = Guid.NewGuid(), OrgPath = u.Path, Year = year, Due = due, Fulfilled = fulfilled, Score = 0, ReviewedAt = At(1, 1), ReviewedBy = "测试",
            };
            db.UnitReviews.AddRange(V(e, 2019, 4, 3), V(e, 2019, 1, 1), V(w, 2019, 2, 0), V(e, 2018, 5, 0));
            db.SaveChanges();
            return (s, e, w);
        });
        var codes = new[]
        {
            CoBuildingLoopIndicators.NeedsPublished, CoBuildingLoopIndicators.NeedsMet, CoBuildingLoopIndicators.ResourcesOffered, CoBuildingLoopIndicators.ResourcesUsed,
            CoBuildingLoopIndicators.ProjectsRunning, CoBuildingLoopIndicators.ProjectsDone, CoBuildingLoopIndicators.ProjectsOnTime, CoBuildingLoopIndicators.FulfilmentRate,
        };
        var v = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().ReadAsync(codes, [east.Path, west.Path, street.Path], From, To, default).GetAwaiter().GetResult());
        IndicatorValue At2(string code, OrgUnit u) => v[(code, u.Path)];

        Assert.Equal((3m, 1m, 4m), (At2(CoBuildingLoopIndicators.NeedsPublished, east).Numerator, At2(CoBuildingLoopIndicators.NeedsPublished, west).Numerator,
            At2(CoBuildingLoopIndicators.NeedsPublished, street).Numerator));
        Assert.Equal(new IndicatorValue(1, 3), At2(CoBuildingLoopIndicators.NeedsMet, east));
        Assert.Equal(new IndicatorValue(2, 4), At2(CoBuildingLoopIndicators.NeedsMet, street));
        Assert.Equal((2m, 0m), (At2(CoBuildingLoopIndicators.ResourcesOffered, east).Numerator, At2(CoBuildingLoopIndicators.ResourcesOffered, west).Numerator));
        Assert.Equal((2m, 1m, 3m), (At2(CoBuildingLoopIndicators.ResourcesUsed, east).Numerator, At2(CoBuildingLoopIndicators.ResourcesUsed, west).Numerator,
            At2(CoBuildingLoopIndicators.ResourcesUsed, street).Numerator));
        Assert.Equal((1m, 1m), (At2(CoBuildingLoopIndicators.ProjectsRunning, east).Numerator, At2(CoBuildingLoopIndicators.ProjectsRunning, west).Numerator));
        Assert.Equal(2m, At2(CoBuildingLoopIndicators.ProjectsDone, east).Numerator);
        Assert.Equal(new IndicatorValue(1, 2), At2(CoBuildingLoopIndicators.ProjectsOnTime, east));
        Assert.Equal(new IndicatorValue(0, 0), At2(CoBuildingLoopIndicators.ProjectsOnTime, west));
        Assert.Equal(new IndicatorValue(4, 5), At2(CoBuildingLoopIndicators.FulfilmentRate, east));
        Assert.Equal(new IndicatorValue(4, 7), At2(CoBuildingLoopIndicators.FulfilmentRate, street));
    }

    [Fact]
    public void The_catalogue_lists_the_loop_indicators_in_Chinese_with_the_fulfilment_rate_a_ratio_of_sums() =>
        app.WithScope(sp =>
        {
            var rate = sp.GetRequiredService<IndicatorCatalog>().All.Single(i => i.Code == "cobuilding.fulfilment_rate");
            Assert.Equal(("共建单位履约率", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums), (rate.Name, rate.Unit, rate.Rollup));
            return 0;
        });
}
