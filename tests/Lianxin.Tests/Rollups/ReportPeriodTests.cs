using Lianxin.Web.Modules.Rollups.Domain;

namespace Lianxin.Tests.Rollups;

public class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-11", "2026-11-01", "2026-11-30", "2026年11月", "2026-10")]
    [InlineData("2026-1", "2026-01-01", "2026-01-31", "2026年1月", "2025-12")]
    [InlineData("2026Q1", "2026-01-01", "2026-03-31", "2026年第一季度", "2025Q4")]
    [InlineData("2024-q4", "2024-10-01", "2024-12-31", "2024年第四季度", "2024Q3")]
    [InlineData("2024", "2024-01-01", "2024-12-31", "2024年", "2023")]
    public void Periods_parse_to_their_days_and_know_the_one_before(string text, string from, string to, string label, string previous)
    {
        var p = ReportPeriod.Parse(text)!;
        Assert.Equal(DateOnly.Parse(from), p.From);
        Assert.Equal(DateOnly.Parse(to), p.To);
        Assert.Equal(label, p.Label);
        Assert.Equal(previous, p.Previous().Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026Q5")]
    [InlineData("1999")]
    [InlineData("下个月")]
    public void Anything_else_is_not_a_period(string? text) => Assert.Null(ReportPeriod.Parse(text));

    [Fact]
    public void Figures_rank_by_direction_and_leave_missing_values_out()
    {
        Assert.Equal(3m, Figures.Best([1m, null, 3m], higherIsBetter: true));
        Assert.Equal(1m, Figures.Best([1m, null, 3m], higherIsBetter: false));
        Assert.Null(Figures.Best([null, null], true));
        Assert.Equal(2m, Figures.Mean([1m, null, 3m]));
        Assert.Null(Figures.Gap(1m, null));
    }
}
