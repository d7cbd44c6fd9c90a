using Microsoft.Extensions.DependencyInjection;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
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
    public void Pledges_done_in_the_period_are_counted_by_owner_class_and_only_public_ones()
    {
        var s = RollupStreet.Create(app);
        app.WithDb(db =>
        {
            Lianxin.Web.Modules.Pledges.Domain.Pledge Done(Lianxin.Web.Modules.Pledges.Domain.PledgeOwner owner, DateOnly on, Lianxin.Web.Modules.Pledges.Domain.PledgeState state) => new()
            {
                TenantId = s.East.TenantId, OrgUnitId = s.East.Id, OrgPath = s.East.Path, Title = "按主体统计", Owner = owner, ResponsiblePerson = "测试",
                ResponsibleUnit = "测试", StartOn = on.AddMonths(-1), DueOn = on.AddMonths(1), Progress = 100, State = state, DoneOn = on, CreatedAt = DateTime.UtcNow,
            };
            db.Pledges.AddRange(
                Done(Lianxin.Web.Modules.Pledges.Domain.PledgeOwner.Leader, new(2019, 5, 2), Lianxin.Web.Modules.Pledges.Domain.PledgeState.Closed),
                Done(Lianxin.Web.Modules.Pledges.Domain.PledgeOwner.Member, new(2019, 6, 2), Lianxin.Web.Modules.Pledges.Domain.PledgeState.Open),
                // Done outside the period, and a member's pledge still waiting for the secretary: neither counts.
                Done(Lianxin.Web.Modules.Pledges.Domain.PledgeOwner.Member, new(2019, 3, 30), Lianxin.Web.Modules.Pledges.Domain.PledgeState.Closed),
                Done(Lianxin.Web.Modules.Pledges.Domain.PledgeOwner.Member, new(2019, 6, 3), Lianxin.Web.Modules.Pledges.Domain.PledgeState.Submitted));
            return db.SaveChanges();
        });
        var v = Read([PledgeIndicators.DoneByLeaders, PledgeIndicators.DoneByBranches, PledgeIndicators.DoneByMembers], s.East.Path, s.Street.Path);
        Assert.Equal(1, v[(PledgeIndicators.DoneByLeaders, s.Street.Path)].Value);
        Assert.Equal(1, v[(PledgeIndicators.DoneByMembers, s.East.Path)].Value);
        // The fixture's branch pledges: done on 5-30 (east) and 6-1 (west) in the quarter, 7-2 after it.
        Assert.Equal(1, v[(PledgeIndicators.DoneByBranches, s.East.Path)].Value);
        Assert.Equal(2, v[(PledgeIndicators.DoneByBranches, s.Street.Path)].Value);
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
    public void Reviews_average_the_scores_of_rounds_published_in_the_period_and_count_five_star_branches_at_its_end()
    {
        var s = RollupStreet.Create(app);
        app.WithDb(db =>
        {
            var round = new ReviewRound { TenantId = s.Street.TenantId, Name = "2019 年二季度观摩", OwnerUnitId = s.Street.Id, OrgPath = s.Street.Path,
                State = RoundState.Published, CreatedAt = new(2019, 4, 1, 0, 0, 0, DateTimeKind.Utc), PublishedAt = new(2019, 5, 10, 2, 0, 0, DateTimeKind.Utc) };
            db.ReviewRounds.Add(round);
            db.RoundUnits.AddRange(
                new RoundUnit { TenantId = s.Street.TenantId, RoundId = round.Id, UnitId = s.East.Id, UnitName = "东社区", OrgPath = s.East.Path, Total = 80, Published = true },
                new RoundUnit { TenantId = s.Street.TenantId, RoundId = round.Id, UnitId = s.West.Id, UnitName = "西社区", OrgPath = s.West.Path, Total = 91, Published = true });
            StarAward Award(OrgUnit unit, int level, int month, RubricPurpose programme = RubricPurpose.FiveStar) => new()
            {
                TenantId = unit.TenantId, UnitId = unit.Id, OrgPath = unit.Path, Level = level, Programme = programme, Reason = "测试", By = "测试",
                At = new DateTime(2019, month, 1, 2, 0, 0, DateTimeKind.Utc),
            };
            // East holds five stars until August; West keeps them; a quarterly 观摩 ladder at five does not count.
            db.StarAwards.AddRange(Award(s.East, 5, 5), Award(s.East, 4, 8), Award(s.West, 5, 6), Award(s.West, 5, 6, RubricPurpose.Quarterly));
            return db.SaveChanges();
        });
        var q2 = Read([ReviewIndicators.AverageScore, ReviewIndicators.FiveStarUnits], s.Street.Path);
        Assert.Equal(85.5m, q2[(ReviewIndicators.AverageScore, s.Street.Path)].Value);
        Assert.Equal(2, q2[(ReviewIndicators.FiveStarUnits, s.Street.Path)].Value);
        var q3 = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>()
            .ReadAsync([ReviewIndicators.FiveStarUnits], [s.Street.Path], new(2019, 7, 1), new(2019, 9, 30), default).GetAwaiter().GetResult());
        Assert.Equal(1, q3[(ReviewIndicators.FiveStarUnits, s.Street.Path)].Value);
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
