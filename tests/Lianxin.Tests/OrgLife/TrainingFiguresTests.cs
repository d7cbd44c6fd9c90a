using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.OrgLife;

[Collection(AppCollection.Name)]
public class TrainingFiguresTests(LianxinApp app)
{
    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_skips()
    {
        var ranked = TrainingRanking.Rank([("甲", 90m), ("乙", 95m), ("丙", 90m), ("丁", 70m), ("戊", 70m), ("己", 60m)], x => x.Item2, x => x.Item1);
        Assert.Equal([(1, "乙"), (2, "丙"), (2, "甲"), (4, "丁"), (4, "戊"), (6, "己")], ranked.Select(r => (r.Rank, r.Item.Item1)));
        Assert.Empty(TrainingRanking.Rank(Array.Empty<(string, decimal)>(), x => x.Item2, x => x.Item1));
    }

    [Fact]
    public void The_coverage_indicator_is_a_ratio_of_trained_members_over_the_roster_at_the_end_of_the_period()
    {
        var indicator = app.WithScope(sp => sp.GetServices<IIndicatorSource>().SelectMany(s => s.Indicators).Single(i => i.Code == "orglife.training_coverage"));
        Assert.Equal((IndicatorUnit.Percent, IndicatorRollup.RatioOfSums, "OrgLife", true), (indicator.Unit, indicator.Rollup, indicator.Module, indicator.HigherIsBetter));
        Assert.Contains("期末在册党员", indicator.Definition);
    }

    [Fact]
    public void Coverage_counts_members_on_the_roster_who_signed_in_at_least_once_in_the_period_wherever_the_session_was()
    {
        var community = app.WithDb(db => db.Unit(app.Heping(), OrgKind.Branch, "覆盖测试党总支"));
        var one = app.WithDb(db => db.Unit(community, OrgKind.Branch, "覆盖一支部"));
        var two = app.WithDb(db => db.Unit(community, OrgKind.Branch, "覆盖二支部"));
        var (a, b, c, d) = (app.Joined(one, "甲", new(2020, 1, 1)), app.Joined(one, "乙", new(2020, 1, 1)), app.Joined(two, "丙", new(2020, 1, 1)), app.Joined(two, "丁", new(2020, 1, 1)));
        var late = app.Joined(two, "戊", new(2026, 7, 1)); // joined after the period: not in its roster
        var inside = app.Session(community, new DateTime(2026, 3, 10, 6, 0, 0, DateTimeKind.Utc));
        var twice = app.Session(community, new DateTime(2026, 4, 10, 6, 0, 0, DateTimeKind.Utc));
        var elsewhere = app.Session(app.Xingfu(), new DateTime(2026, 5, 10, 6, 0, 0, DateTimeKind.Utc)); // another community's session counts too
        var after = app.Session(community, new DateTime(2026, 8, 10, 6, 0, 0, DateTimeKind.Utc));
        app.WithDb(db =>
        {
            db.Attend(inside, a);
            db.Attend(twice, a);
            db.Attend(inside, b, signed: false); // enrolled, never came
            db.Attend(elsewhere, c);
            db.Attend(after, d);
            db.Attend(after, late);
            return 0;
        });

        var report = app.WithScope(sp => GetTrainingCoverage.HandleAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<OrgDirectory>(),
            sp.GetRequiredService<MemberDirectory>(), new FakeTimeProvider(), community.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), default).GetAwaiter().GetResult()).Value!;
        Assert.Equal((2, 4), (report.Total.Trained, report.Total.Members));
        Assert.Equal([("覆盖一支部", 1, 2), ("覆盖二支部", 1, 2)], report.Children.Select(x => (x.Unit, x.Trained, x.Members)));
        Assert.Equal(0.5m, report.Total.Rate);

        var figures = app.WithScope(sp => new TrainingIndicators(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<MemberDirectory>())
            .ReadAsync([TrainingIndicators.Coverage], [community.Path, one.Path], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), default).GetAwaiter().GetResult());
        Assert.Equal(new IndicatorValue(4, 5), figures[(TrainingIndicators.Coverage, community.Path)]); // the whole year: 戊 is on the roster and trained in August
        Assert.Equal(new IndicatorValue(1, 2), figures[(TrainingIndicators.Coverage, one.Path)]);
    }

    [Fact]
    public void The_monthly_drill_ranks_a_units_members_by_their_average_over_the_month_ties_sharing_a_rank()
    {
        var community = app.WithDb(db => db.Unit(app.Heping(), OrgKind.Branch, "练兵测试党总支"));
        var branch = app.WithDb(db => db.Unit(community, OrgKind.Branch, "练兵支部"));
        var (a, b, c) = (app.Joined(branch, "甲", new(2020, 1, 1)), app.Joined(branch, "乙", new(2020, 1, 1)), app.Joined(branch, "丙", new(2020, 1, 1)));
        var first = app.Session(community, new DateTime(2026, 9, 3, 1, 0, 0, DateTimeKind.Utc), kind: TrainingKind.Drill);
        var second = app.Session(community, new DateTime(2026, 9, 20, 1, 0, 0, DateTimeKind.Utc), kind: TrainingKind.Drill);
        var lecture = app.Session(community, new DateTime(2026, 9, 21, 1, 0, 0, DateTimeKind.Utc), kind: TrainingKind.Contest);
        var october = app.Session(community, new DateTime(2026, 10, 2, 1, 0, 0, DateTimeKind.Utc), kind: TrainingKind.Drill);
        app.WithDb(db =>
        {
            db.Attend(first, a, 80); db.Attend(second, a, 90); // 85
            db.Attend(first, b, 85);                           // 85
            db.Attend(first, c, 70); db.Attend(lecture, c, 100); // the contest is not a drill
            db.Attend(october, c, 100);                        // another month
            return 0;
        });

        var report = app.WithScope(sp => GetTrainingRanking.HandleAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<OrgDirectory>(), new FakeTimeProvider(),
            community.Id, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), TrainingKind.Drill, 1, default).GetAwaiter().GetResult()).Value!;
        Assert.Equal([(1, "乙", 85m, 1), (1, "甲", 85m, 2), (3, "丙", 70m, 1)],
            report.Lines.Items.Select(l => (l.Rank, l.Item.Name, l.Item.Average, l.Item.Tests)));
        Assert.Equal("练兵支部", report.Lines.Items[0].Item.Branch);
    }
}
