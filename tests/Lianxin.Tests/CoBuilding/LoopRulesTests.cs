using Lianxin.Web.Modules.CoBuilding.Domain;

namespace Lianxin.Tests.CoBuilding;

/// <summary>Matching suggestions and the annual fulfilment score, as pure rules.</summary>
public class LoopRulesTests
{
    const string Street = "/d/s1/", Here = "/d/s1/c1/", NextDoor = "/d/s1/c2/", OtherStreet = "/d/s2/c9/";
    static readonly DateOnly Today = new(2026, 6, 1), Deadline = new(2026, 6, 30);

    static Candidate R(int n, string path, int remaining = 5, SupplyKind kind = SupplyKind.Volunteers, int fromDay = 1, int toMonth = 12) =>
        new(new Guid(n, 0, 0, new byte[8]), kind, path, remaining, new DateOnly(2026, 6, fromDay), new DateOnly(2026, toMonth, 28));

    [Fact]
    public void Suggestions_are_of_the_same_kind_with_quantity_left_available_in_time_and_from_the_same_street_nearest_first()
    {
        var resources = new[]
        {
            R(1, NextDoor), R(2, Street), R(3, Here, remaining: 2), R(4, Here),
            R(5, Here, kind: SupplyKind.Venue), R(6, Here, remaining: 0), R(7, OtherStreet), R(8, Here, toMonth: 5), R(9, Here, fromDay: 1) with { AvailableFrom = new(2026, 7, 1) },
        };

        var s = LoopRules.Suggest(SupplyKind.Volunteers, Here, needRemaining: 4, Deadline, Today, resources);

        // Own community first (the one that covers the whole need before the one that does not), then the street, then next door.
        Assert.Equal([4, 3, 2, 1], s.Select(x => x.Resource.Id.ToByteArray()[0]).Select(b => (int)b));
        Assert.Equal([Nearness.SameUnit, Nearness.SameUnit, Nearness.StreetAbove, Nearness.SameStreet], s.Select(x => x.Nearness));
        Assert.Equal([true, false, true, true], s.Select(x => x.CoversAll));
    }

    [Fact]
    public void A_promise_is_at_least_one_and_never_beyond_what_the_resource_has_left_or_the_need_lacks()
    {
        Assert.Null(LoopRules.CheckPromise(3, resourceRemaining: 3, needRemaining: 5));
        Assert.Equal("对接数量至少为 1。", LoopRules.CheckPromise(0, 3, 5));
        Assert.Equal("该资源只剩 1，不能承诺 2。", LoopRules.CheckPromise(2, 1, 5));
        Assert.Equal("该需求尚缺 2，对接数量不能超过它。", LoopRules.CheckPromise(3, 10, 2));
    }

    [Theory]
    [InlineData(4, 3, null, 75.0)]          // unrated: the fulfilment rate
    [InlineData(4, 3, 4.5, 78.0)]           // 0.75 × 80 + 4.5 / 5 × 20
    [InlineData(4, 4, 5.0, 100.0)]
    [InlineData(3, 1, 3.0, 38.7)]           // 26.67 + 12, one decimal
    [InlineData(2, 0, null, 0.0)]
    public void The_annual_score_weighs_the_fulfilment_rate_80_and_the_rating_20(int due, int fulfilled, double? rating, double score) =>
        Assert.Equal((decimal)score, LoopRules.Score(due, fulfilled, (decimal?)rating));

    [Fact]
    public void A_unit_with_nothing_due_has_no_score_and_the_street_of_a_path_is_its_first_two_segments()
    {
        Assert.Null(LoopRules.Score(0, 0, null));
        Assert.Equal(Street, LoopRules.StreetOf(Here));
        Assert.Equal(Street, LoopRules.StreetOf(Street));
        Assert.Equal(Street, LoopRules.StreetOf("/d/s1/c1/g3/"));
    }
}
