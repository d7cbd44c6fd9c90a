using Microsoft.Extensions.DependencyInjection;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Tests.Rollups;

/// <summary>Each registered indicator's definition, read straight from the module that owns it.</summary>
[Collection(AppCollection.Name)]
public class IndicatorDefinitionTests(LianxinApp app)
{
    static readonly DateOnly From = new(2019, 4, 1), To = new(2019, 6, 30);

    IReadOnlyDictionary<(string Code, string Path), IndicatorValue> Read(IReadOnlyCollection<string> codes, params string[] paths) =>
        app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().ReadAsync(codes, paths, From, To, default).GetAwaiter().GetResult());

    [Fact]
    public void Demand_indicators_count_the_period_and_add_rates_up_as_ratios_of_sums()
    {
        var s = RollupStreet.Create(app);
        var codes = new[] { DemandIndicators.Received, DemandIndicators.ResolveRate, DemandIndicators.Overdue, DemandIndicators.SatisfactionRate, DemandIndicators.AvgResolveHours };
        var v = Read(codes, s.East.Path, s.West.Path, s.Street.Path);

        Assert.Equal(3, v[(DemandIndicators.Received, s.East.Path)].Value);
        Assert.Equal(1, v[(DemandIndicators.Received, s.West.Path)].Value);
        Assert.Equal(4, v[(DemandIndicators.Received, s.Street.Path)].Value);
        Assert.Equal(1, v[(DemandIndicators.Overdue, s.East.Path)].Value);
        Assert.Equal(6m, v[(DemandIndicators.AvgResolveHours, s.East.Path)].Value);
        // The street's rates are its parts added (3 of 4 resolved, 2 of 3 content), not the mean of the two communities' rates.
        Assert.Equal(new IndicatorValue(3, 4), v[(DemandIndicators.ResolveRate, s.Street.Path)]);
        Assert.Equal(new IndicatorValue(2, 3), v[(DemandIndicators.SatisfactionRate, s.Street.Path)]);
        Assert.Equal(32m / 3, v[(DemandIndicators.AvgResolveHours, s.Street.Path)].Value);
    }

    [Fact]
    public void Pledge_indicators_count_pledges_falling_due_and_those_done_by_their_date()
    {
        var s = RollupStreet.Create(app);
        var v = Read([PledgeIndicators.Due, PledgeIndicators.DoneOnTimeRate, PledgeIndicators.Late], s.East.Path, s.Street.Path);
        Assert.Equal(2, v[(PledgeIndicators.Due, s.East.Path)].Value);
        Assert.Equal(1, v[(PledgeIndicators.Late, s.East.Path)].Value);
        Assert.Equal(new IndicatorValue(2, 3), v[(PledgeIndicators.DoneOnTimeRate, s.Street.Path)]);
    }

    [Fact]
    public void Co_building_counts_partner_units_stationed_under_a_unit_as_of_the_period_end()
    {
        var s = RollupStreet.Create(app);
        app.WithDb(db => db.PartnerUnit(s.East, "对标共建单位"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        var v = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>()
            .ReadAsync([CoBuildingIndicators.PartnerUnits], [s.Street.Path], From, To, default).GetAwaiter().GetResult());
        Assert.Equal(0, v[(CoBuildingIndicators.PartnerUnits, s.Street.Path)].Value);
        var now = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>()
            .ReadAsync([CoBuildingIndicators.PartnerUnits], [s.Street.Path], From, today, default).GetAwaiter().GetResult());
        Assert.Equal(1, now[(CoBuildingIndicators.PartnerUnits, s.Street.Path)].Value);
    }

    [Fact]
    public void Every_indicator_has_a_unique_code_a_Chinese_name_and_a_definition()
    {
        var all = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().All);
        Assert.Contains(all, i => i.Code == DemandIndicators.Received);
        Assert.Equal(all.Count, all.Select(i => i.Code).Distinct().Count());
        Assert.All(all, i =>
        {
            Assert.Matches(@"^[a-z]+\.[a-z_]+$", i.Code);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", i.Name);
            Assert.False(string.IsNullOrWhiteSpace(i.Definition));
        });
    }
}
