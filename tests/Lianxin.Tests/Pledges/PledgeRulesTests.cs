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

    [Fact]
    public void Counts_by_owner_class_give_all_three_classes_in_the_order_of_source_001()
    {
        var counts = PledgeRules.CountByOwner([
            (PledgeOwner.Member, Today, Today.AddDays(-1)), (PledgeOwner.Member, Today, Today.AddDays(2)), (PledgeOwner.Member, Today, null),
            (PledgeOwner.Leader, Today, Today),
        ]);
        Assert.Equal([PledgeOwner.Leader, PledgeOwner.Branch, PledgeOwner.Member], counts.Select(c => c.Owner));
        Assert.Equal((PledgeOwner.Leader, 1, 1, 1), counts[0]);
        Assert.Equal((PledgeOwner.Branch, 0, 0, 0), counts[1]);
        // Three pledged, two done, one of them after its deadline.
        Assert.Equal((PledgeOwner.Member, 3, 2, 1), counts[2]);
        Assert.Equal("班子成员", PledgeOwner.Leader.Chinese());
    }

    [Fact]
    public void The_board_masks_phone_and_id_numbers_in_text_and_a_members_name()
    {
        Assert.Equal("有事请联系 138****5678。", PublicText.Of("有事请联系 13812345678。"));
        Assert.Equal("身份证 4103**********1234 遗失", PublicText.Of("身份证 410322198001011234 遗失"));
        Assert.Equal("第 3 栋 1201 室", PublicText.Of("第 3 栋 1201 室"));
        Assert.Equal("李**", PublicText.Name("李建华"));
        Assert.Equal("党员 王**", PublicText.Name("党员 王志强"));
        Assert.False(PledgeRules.IsPublic(PledgeState.Submitted));
        Assert.False(PledgeRules.IsPublic(PledgeState.Returned));
        Assert.True(PledgeRules.IsPublic(PledgeState.Closed));
    }
}
