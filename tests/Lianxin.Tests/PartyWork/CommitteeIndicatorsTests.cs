using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.PartyWork.Features;

namespace Lianxin.Tests.PartyWork;

/// <summary>The three committee figures are stocks on the period's last day: terms ending within six months, vacant secretaries, open rectifications.</summary>
public class CommitteeIndicatorsTests
{
    static readonly DateOnly End = new(2026, 6, 30);

    static Committee Term(DateOnly start, DateOnly? endedOn = null, CommitteeKind kind = CommitteeKind.BranchCommittee) =>
        new() { Kind = kind, TermStart = start, TermYears = 5, TermEndsOn = start.AddYears(5), EndedOn = endedOn };

    [Fact]
    public void The_codes_and_names_are_the_catalogue_s()
    {
        var source = new CommitteeIndicators(null!);
        Assert.Equal(["partywork.committees_expiring", "partywork.vacant_secretaries", "partywork.branches_rectifying"], source.Indicators.Select(i => i.Code));
        Assert.Equal(["临近换届班子数", "书记空缺数", "整顿中的党组织数"], source.Indicators.Select(i => i.Name));
        Assert.All(source.Indicators, i => Assert.False(i.HigherIsBetter));
    }

    [Fact]
    public void A_committee_counts_as_expiring_when_serving_and_its_term_ends_within_six_months_of_the_period_s_end()
    {
        Assert.True(CommitteeIndicators.ExpiringOn(Term(new DateOnly(2021, 12, 30)), End));     // ends 2026-12-30: six months to the day
        Assert.False(CommitteeIndicators.ExpiringOn(Term(new DateOnly(2022, 1, 1)), End));      // ends 2027-01-01
        Assert.True(CommitteeIndicators.ExpiringOn(Term(new DateOnly(2021, 3, 1)), End));       // already past: still counted until replaced
        Assert.False(CommitteeIndicators.ExpiringOn(Term(new DateOnly(2021, 3, 1), new DateOnly(2026, 5, 1)), End)); // replaced in May
        Assert.True(CommitteeIndicators.ExpiringOn(Term(new DateOnly(2021, 3, 1), new DateOnly(2026, 7, 1)), End));  // replaced after the period
        Assert.False(CommitteeIndicators.ExpiringOn(Term(new DateOnly(2026, 7, 1)), End));      // not yet elected
    }

    [Fact]
    public void A_secretary_is_vacant_when_nobody_held_the_post_on_the_day_and_only_party_committees_have_one()
    {
        var c = Term(new DateOnly(2024, 1, 1));
        CommitteeSeat Seat(string post, DateOnly from, DateOnly? left = null) => new() { CommitteeId = c.Id, Post = post, FromOn = from, LeftOn = left };
        Assert.True(CommitteeIndicators.SecretaryVacantOn(c, [Seat("deputy", new(2024, 1, 1))], End));
        Assert.False(CommitteeIndicators.SecretaryVacantOn(c, [Seat("secretary", new(2024, 1, 1))], End));
        Assert.True(CommitteeIndicators.SecretaryVacantOn(c, [Seat("secretary", new(2024, 1, 1), new DateOnly(2026, 6, 30))], End));  // left on the last day
        Assert.False(CommitteeIndicators.SecretaryVacantOn(c, [Seat("secretary", new(2024, 1, 1), new DateOnly(2026, 7, 1))], End));
        Assert.True(CommitteeIndicators.SecretaryVacantOn(c, [Seat("secretary", new(2026, 7, 2))], End));                              // filled after the period
        var residents = Term(new DateOnly(2024, 1, 1), kind: CommitteeKind.ResidentsCommittee);
        Assert.False(CommitteeIndicators.SecretaryVacantOn(residents, [], End));
    }

    [Fact]
    public void A_unit_is_rectifying_from_the_day_it_is_marked_until_the_day_it_exits()
    {
        BranchRectification R(DateOnly start, DateOnly? exited = null) => new() { StartedOn = start, ExitedOn = exited };
        Assert.True(CommitteeIndicators.RectifyingOn(R(new(2026, 3, 1)), End));
        Assert.True(CommitteeIndicators.RectifyingOn(R(new(2026, 6, 30)), End));
        Assert.False(CommitteeIndicators.RectifyingOn(R(new(2026, 7, 1)), End));
        Assert.False(CommitteeIndicators.RectifyingOn(R(new(2025, 3, 1), new DateOnly(2026, 6, 30)), End));
        Assert.True(CommitteeIndicators.RectifyingOn(R(new(2025, 3, 1), new DateOnly(2026, 7, 1)), End));
    }
}
