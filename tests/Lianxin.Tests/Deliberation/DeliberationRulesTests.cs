using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Mediation.Features;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Tests.Deliberation;

public class DeliberationRulesTests
{
    [Theory]
    [InlineData(6, 5, 0, MeetingResult.Settled)]
    [InlineData(5, 5, 0, MeetingResult.Unresolved)]
    [InlineData(6, 3, 3, MeetingResult.Unresolved)] // abstentions count as cast: 6 of 12 is not more than half
    public void A_vote_settles_with_more_than_half_of_the_votes_cast(int f, int a, int abstain, MeetingResult expected) =>
        Assert.Equal(expected, MotionRules.VoteResult(f, a, abstain));

    [Fact]
    public void Motions_go_up_compound_community_street_and_no_further()
    {
        Assert.Equal(MotionLevel.Community, MotionRules.Above(MotionLevel.Compound));
        Assert.Equal(MotionLevel.Street, MotionRules.Above(MotionLevel.Community));
        Assert.Null(MotionRules.Above(MotionLevel.Street));
    }

    [Theory]
    [InlineData(5, 3, true, 50, true, true)]
    [InlineData(5, 2, true, 50, true, false)]   // 40% < 50%
    [InlineData(5, 3, false, 50, true, false)]  // the street requires a branch to lead
    [InlineData(5, 3, false, 50, false, true)]  // this street does not
    [InlineData(0, 0, true, 0, false, false)]   // no members, no committee to call red
    public void A_red_committee_follows_its_streets_definition(int members, int party, bool led, int min, bool requireLead, bool red) =>
        Assert.Equal(red, SelfGovernanceRules.IsRed(members, party, led, min, requireLead));

    [Fact]
    public void Committee_members_are_read_one_a_line_with_post_and_party_mark()
    {
        var list = SaveOwnersCommittee.ParseLines("张建国 主任 党员\n李秀梅，副主任\n王强");
        Assert.Equal(("张建国", "主任", true), (list[0].Name, list[0].Post, list[0].IsPartyMember));
        Assert.Equal(("李秀梅", "副主任", false), (list[1].Name, list[1].Post, list[1].IsPartyMember));
        Assert.Equal(("王强", "委员", false), (list[2].Name, list[2].Post, list[2].IsPartyMember));
        // The English page asks for "CPC" as the mark.
        var english = SaveOwnersCommittee.ParseLines("张建国 主任 CPC\n李秀梅 cpc");
        Assert.Equal(("张建国", "主任", true), (english[0].Name, english[0].Post, english[0].IsPartyMember));
        Assert.Equal(("李秀梅", "委员", true), (english[1].Name, english[1].Post, english[1].IsPartyMember));
    }

    [Fact]
    public void The_indicators_are_defined_with_module_codes_units_and_rollups()
    {
        var d = new DeliberationIndicators(null!, null!).Indicators.ToDictionary(i => i.Code);
        Assert.Equal((IndicatorUnit.Count, IndicatorRollup.Sum), (d["deliberation.motions"].Unit, d["deliberation.motions"].Rollup));
        foreach (var rate in new[] { "deliberation.settled_at_compound_rate", "deliberation.settled_at_community_rate", "deliberation.settled_at_street_rate",
                     "deliberation.committee_coverage", "deliberation.red_committee_rate", "deliberation.property_coverage" })
            Assert.Equal((IndicatorUnit.Percent, IndicatorRollup.RatioOfSums), (d[rate].Unit, d[rate].Rollup));
        Assert.Equal((IndicatorUnit.Days, IndicatorRollup.RatioOfSums), (d["deliberation.days_to_settle"].Unit, d["deliberation.days_to_settle"].Rollup));
        Assert.All(d.Values, i => Assert.Equal("Deliberation", i.Module));
        var m = new MediationIndicators(null!).Indicators.ToDictionary(i => i.Code);
        Assert.Equal((IndicatorUnit.Count, IndicatorRollup.Sum), (m["mediation.cases"].Unit, m["mediation.cases"].Rollup));
        Assert.Equal((IndicatorUnit.Percent, IndicatorRollup.RatioOfSums), (m["mediation.success_rate"].Unit, m["mediation.success_rate"].Rollup));
    }
}
