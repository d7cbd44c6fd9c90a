using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Tests.Reviews;

public class ReviewRulesTests
{
    // 基础 A (weight 1): scored 10, deduction 10 (2 per occurrence, floor 4); 
    // 加分 B (weight 2): scored 5, bonus 3, bonus 4; veto V in A.
    static RubricDefinition Rubric(VetoEffect veto = VetoEffect.Zero, double vetoCap = 0, double bonusCap = 5) => new()
    {
        Sections = [new() { Code = "A", Title = "组织建设" }, new() { Code = "B", Title = "服务群众", Weight = 2 }],
        Items =
        [
            new() { Code = "A1", Section = "A", Title = "班子健全", Type = ItemType.Scored, Max = 10 },
            new() { Code = "A2", Section = "A", Title = "台账规范", Type = ItemType.Deduction, Max = 10, PerOccurrence = 2, Floor = 4 },
            new() { Code = "AV", Section = "A", Title = "发生重大安全事故", Type = ItemType.Veto },
            new() { Code = "B1", Section = "B", Title = "为民办实事", Type = ItemType.Scored, Max = 5 },
            new() { Code = "BX1", Section = "B", Title = "创新做法", Type = ItemType.Bonus, Max = 3 },
            new() { Code = "BX2", Section = "B", Title = "上级表彰", Type = ItemType.Bonus, Max = 4 },
        ],
        BonusCap = bonusCap, VetoEffect = veto, VetoCap = vetoCap,
    };

    static Dictionary<string, ItemEntry> E(params (string Code, double Value)[] v) => v.ToDictionary(x => x.Code, x => new ItemEntry(x.Value));

    [Theory]
    [InlineData("A1", 0, true)]
    [InlineData("A1", 10, true)]
    [InlineData("A1", 7.5, true)]
    [InlineData("A1", 7.3, false)]
    [InlineData("A1", 10.5, false)]
    [InlineData("A1", -0.5, false)]
    [InlineData("A2", 3, true)]
    [InlineData("A2", 1.5, false)]
    [InlineData("A2", -1, false)]
    [InlineData("BX1", 3, true)]
    [InlineData("BX1", 3.5, false)]
    [InlineData("AV", 1, true)]
    [InlineData("AV", 0.5, false)]
    public void Every_item_type_checks_its_bounds(string code, double value, bool ok)
    {
        var item = Rubric().Item(code)!;
        var why = ScoreRules.Check(item, value);
        Assert.Equal(ok, why is null);
        if (!ok) Assert.Contains(item.Title, why);
    }

    [Fact]
    public void Scored_message_names_the_range()
    {
        Assert.Equal("“班子健全”的得分须在 0 到 10 之间。", ScoreRules.Check(Rubric().Item("A1")!, 11));
        Assert.Equal("“班子健全”的得分须为 0.5 的整数倍。", ScoreRules.Check(Rubric().Item("A1")!, 2.2));
    }

    [Fact]
    public void Deduction_starts_full_loses_points_per_occurrence_and_stops_at_the_floor()
    {
        var item = Rubric().Item("A2")!;
        Assert.Equal(10, ScoreRules.Points(item, 0));
        Assert.Equal(6, ScoreRules.Points(item, 2));
        Assert.Equal(4, ScoreRules.Points(item, 3));
        Assert.Equal(4, ScoreRules.Points(item, 50));
    }

    [Fact]
    public void Section_weights_multiply_and_bonus_counts_beyond_the_base_up_to_its_cap()
    {
        var r = ScoreRules.Score(Rubric(), E(("A1", 8), ("A2", 1), ("B1", 4), ("BX1", 3), ("BX2", 4)));
        Assert.Equal(8 + 8, r.Sections["A"]);
        Assert.Equal(2 * 4, r.Sections["B"]);   // bonus items are not part of the section's base
        Assert.Equal(24, r.Base);
        Assert.Equal(5, r.Bonus);               // 3 + 4 capped at 5 overall
        Assert.Equal(29, r.Total);
        Assert.False(r.Vetoed);
        Assert.Equal(30, Rubric().BaseMax);
    }

    [Fact]
    public void Missing_entries_count_zero_but_an_unentered_deduction_is_full_marks()
    {
        var r = ScoreRules.Score(Rubric(), E());
        Assert.Equal(10, r.Total);
    }

    [Fact]
    public void Veto_zeroes_or_caps_the_total_as_the_rubric_says()
    {
        var entries = E(("A1", 10), ("A2", 0), ("B1", 5), ("AV", 1), ("BX1", 2));
        Assert.Equal(0, ScoreRules.Score(Rubric(VetoEffect.Zero), entries).Total);
        var capped = ScoreRules.Score(Rubric(VetoEffect.Cap, vetoCap: 18), entries);
        Assert.True(capped.Vetoed);
        Assert.Equal(18, capped.Total);
        Assert.Equal(15, ScoreRules.Score(Rubric(VetoEffect.Cap, vetoCap: 18), E(("A1", 5), ("AV", 1))).Total); // below the cap stays
    }

    [Fact]
    public void CheckAll_reports_unknown_items_and_bad_values_by_code()
    {
        var errors = ScoreRules.CheckAll(Rubric(), E(("A1", 12), ("ZZ", 1), ("B1", 5)));
        Assert.Equal(2, errors.Count);
        Assert.Contains("ZZ", errors["ZZ"]);
        Assert.Contains("0 到 10", errors["A1"]);
    }

    [Fact]
    public void A_rubric_with_broken_structure_is_refused_with_reasons()
    {
        Assert.Empty(Rubric().Validate());
        var bad = Rubric() with
        {
            Items = [new() { Code = "A1", Section = "Q", Title = "x", Type = ItemType.Deduction, Max = 10, PerOccurrence = 0, Floor = 10 }],
            BonusCap = 0,
            Stars = [new(1, 80), new(2, 70)],
        };
        var e = bad.Validate();
        Assert.Contains("Items[0].Section", e.Keys);
        Assert.Contains("Items[0].PerOccurrence", e.Keys);
        Assert.Contains("Items[0].Floor", e.Keys);
        Assert.Contains("Stars", e.Keys);
        Assert.Contains("BonusCap", (Rubric() with { BonusCap = 0 }).Validate().Keys);
    }

    static ReviewerValue V(double v, string role = "评委") => new(Guid.NewGuid(), role, v);

    [Fact]
    public void Mean_counts_only_the_sheets_there_are()
    {
        Assert.Equal(85, Aggregation.Combine(AggregationSettings.Mean, [V(80), V(90)]));
        Assert.Null(Aggregation.Combine(AggregationSettings.Mean, []));
        Assert.Equal(83.33, Aggregation.Combine(AggregationSettings.Mean, [V(80), V(80), V(90)]));
    }

    [Fact]
    public void Trimmed_mean_drops_highest_and_lowest_only_with_enough_reviewers()
    {
        var rule = new AggregationSettings(AggregationRule.TrimmedMean, TrimMinReviewers: 5);
        Assert.Equal(85, Aggregation.Combine(rule, [V(60), V(84), V(85), V(86), V(99)]));
        Assert.Equal(78.75, Aggregation.Combine(rule, [V(60), V(84), V(85), V(86)])); // four < five: plain mean
        Assert.Equal(80, Aggregation.Combine(new AggregationSettings(AggregationRule.TrimmedMean, 1), [V(70), V(90)])); // never trims below three
        Assert.Equal(80, Aggregation.Combine(new AggregationSettings(AggregationRule.TrimmedMean, 3), [V(70), V(80), V(100)]));
    }

    [Fact]
    public void Weighted_by_role_gives_the_leader_more_say_and_unknown_roles_one()
    {
        var rule = new AggregationSettings(AggregationRule.WeightedByRole, RoleWeights: new Dictionary<string, double> { ["组长"] = 2 });
        Assert.Equal(86.67, Aggregation.Combine(rule, [V(90, "组长"), V(80)]));
        Assert.Equal(85, Aggregation.Combine(rule, [V(90, "群众代表"), V(80)]));
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips()
    {
        var r = Ranking.Rank<string>([("甲", 90), ("乙", 95), ("丙", 90), ("丁", 80), ("戊", null)]);
        Assert.Equal(1, r["乙"]);
        Assert.Equal(2, r["甲"]);
        Assert.Equal(2, r["丙"]);
        Assert.Equal(4, r["丁"]);
        Assert.False(r.ContainsKey("戊"));
        Assert.Equal(2, Ranking.Rank<string>([("a", 90.001), ("b", 90.004), ("c", 95)])["a"]);
    }

    [Fact]
    public void Change_versus_previous_round_in_points_and_places()
    {
        Assert.Equal((5.5, 2), Ranking.Change(90, 1, 84.5, 3));
        Assert.Equal((-3, -1), Ranking.Change(80, 4, 83, 3));
        Assert.Null(Ranking.Change(90, 1, null, null));
    }

    [Fact]
    public void A_reviewer_far_from_the_panel_is_flagged()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), u1 = Guid.NewGuid(), u2 = Guid.NewGuid(), u3 = Guid.NewGuid();
        var result = Consistency.Measure(
        [
            (u1, a, 80), (u1, b, 81), (u1, c, 95),
            (u2, a, 70), (u2, b, 71), (u2, c, 88),
            (u3, a, 90), // alone: tells nothing
        ], threshold: 7);
        Assert.Equal(c, result[0].ReviewerId);
        Assert.True(result[0].Flagged);
        Assert.Equal(2, result[0].Units);
        Assert.False(result.Single(r => r.ReviewerId == a).Flagged);
    }

    static readonly StarThreshold[] Stars = [new(3, 80), new(4, 88), new(5, 95)];

    [Fact]
    public void Stars_are_awarded_raised_lowered_and_removed_by_later_results()
    {
        Assert.Equal((4, StarChange.Awarded), StarRules.Evaluate(Stars, 0, 90));
        Assert.Equal((5, StarChange.Raised), StarRules.Evaluate(Stars, 4, 96));
        Assert.Equal((3, StarChange.Lowered), StarRules.Evaluate(Stars, 5, 85));
        Assert.Equal((0, StarChange.Removed), StarRules.Evaluate(Stars, 3, 79.5));
        Assert.Equal((4, StarChange.None), StarRules.Evaluate(Stars, 4, 88));
        Assert.Equal((0, StarChange.None), StarRules.Evaluate(Stars, 0, 10));
    }

    [Fact]
    public void Rounds_and_rectifications_move_only_forward_as_allowed()
    {
        Assert.Null(ReviewFlow.CheckRound(RoundState.Draft, RoundState.Open));
        Assert.Null(ReviewFlow.CheckRound(RoundState.Closed, RoundState.Published));
        Assert.Equal("观摩轮次当前为“已发布”，不能改为“评分中”。", ReviewFlow.CheckRound(RoundState.Published, RoundState.Open));
        Assert.NotNull(ReviewFlow.CheckRound(RoundState.Draft, RoundState.Published));
        Assert.Null(ReviewFlow.CheckRectification(RectificationState.Open, RectificationState.Submitted));
        Assert.Null(ReviewFlow.CheckRectification(RectificationState.Submitted, RectificationState.Rejected));
        Assert.NotNull(ReviewFlow.CheckRectification(RectificationState.Open, RectificationState.Verified));
        Assert.NotNull(ReviewFlow.CheckRectification(RectificationState.Verified, RectificationState.InProgress));
    }

    [Fact]
    public void Overdue_only_while_still_in_the_units_hands()
    {
        var deadline = new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc);
        var after = deadline.AddHours(1);
        Assert.True(ReviewFlow.IsOverdue(RectificationState.Open, deadline, after));
        Assert.True(ReviewFlow.IsOverdue(RectificationState.Rejected, deadline, after));
        Assert.False(ReviewFlow.IsOverdue(RectificationState.Submitted, deadline, after));
        Assert.False(ReviewFlow.IsOverdue(RectificationState.Open, deadline, deadline.AddHours(-1)));
    }
}

public class RubricWorkbookTests
{
    [Fact]
    public void A_rubric_survives_export_and_import_and_a_bad_row_is_reported_by_line()
    {
        var def = Lianxin.Web.Demo.DemoReviews.QuarterlyRubric();
        var bytes = Lianxin.Web.Modules.Reviews.Features.RubricWorkbook.Write(def);
        var (back, errors) = Lianxin.Web.Modules.Reviews.Features.RubricWorkbook.Read(new MemoryStream(bytes));
        Assert.Empty(errors);
        Assert.NotNull(back);
        Assert.Empty(back!.Validate());
        Assert.Equal(def.Items.Select(i => (i.Code, i.Title, i.Type, i.Max)), back.Items.Select(i => (i.Code, i.Title, i.Type, i.Max)));
        Assert.Equal(def.Sections.Select(s => s.Title), back.Sections.Select(s => s.Title));
        Assert.Equal(def.Stars, back.Stars);
        Assert.Equal(def.BonusCap, back.BonusCap);
        Assert.Equal(3, back.Items.Single(i => i.Code == "A2").PerOccurrence);

        var (none, why) = Lianxin.Web.Modules.Reviews.Features.RubricWorkbook.Read(new MemoryStream("not a workbook"u8.ToArray()));
        Assert.Null(none);
        Assert.Equal("文件不是有效的 .xlsx 工作簿。", Assert.Single(why));
    }
}
