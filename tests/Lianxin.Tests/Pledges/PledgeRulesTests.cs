using Lianxin.Web.Modules.Pledges.Domain;

namespace Lianxin.Tests.Pledges;

public class PledgeRulesTests
{
    static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void A_pledge_is_done_late_or_on_track()
    {
        Assert.Equal(PledgeStatus.Done, PledgeRules.Status(PledgeState.Open, 100, Today.AddDays(-3), [], Today));
        Assert.Equal(PledgeStatus.Done, PledgeRules.Status(PledgeState.Closed, 80, Today.AddDays(-3), [], Today));
        Assert.Equal(PledgeStatus.Late, PledgeRules.Status(PledgeState.Open, 90, Today.AddDays(-1), [], Today));
        Assert.Equal(PledgeStatus.OnTrack, PledgeRules.Status(PledgeState.Open, 10, Today, [], Today));
        // An open task past its own deadline makes the pledge late even before the pledge's deadline.
        Assert.Equal(PledgeStatus.Late, PledgeRules.Status(PledgeState.Open, 40, Today.AddDays(30), [(Today.AddDays(-1), null)], Today));
        Assert.Equal(PledgeStatus.OnTrack, PledgeRules.Status(PledgeState.Open, 40, Today.AddDays(30), [(Today.AddDays(-1), Today.AddDays(-2))], Today));
    }

    [Fact]
    public void Progress_only_moves_forward_within_bounds_and_not_into_the_future()
    {
        var start = Today.AddDays(-30);
        Assert.Null(PledgeRules.CheckProgress(30, 50, Today, Today, start));
        Assert.Null(PledgeRules.CheckProgress(30, 30, Today, Today, start));
        Assert.Equal("进度不能低于当前的 30%。", PledgeRules.CheckProgress(30, 20, Today, Today, start));
        Assert.Equal("进度须在 0–100 之间。", PledgeRules.CheckProgress(30, 120, Today, Today, start));
        Assert.Equal("进度日期不能晚于今天。", PledgeRules.CheckProgress(30, 40, Today.AddDays(1), Today, start));
        Assert.Equal("进度日期不能早于开始日期。", PledgeRules.CheckProgress(30, 40, start.AddDays(-1), Today, start));
    }

    [Fact]
    public void Counts_tell_pledged_done_and_done_on_time()
    {
        var c = PledgeRules.Count([(Today, Today.AddDays(-1)), (Today, Today.AddDays(2)), (Today, null)]);
        Assert.Equal((3, 2, 1), c);
    }
}
