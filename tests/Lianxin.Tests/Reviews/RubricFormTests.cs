using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Pages;

namespace Lianxin.Tests.Reviews;

/// <summary>The editor's row operations and the form ↔ definition mapping, without a server.</summary>
public class RubricFormTests
{
    static DefinitionForm Form() => DefinitionForm.From(new RubricDefinition
    {
        Sections = [new() { Code = "A", Title = "组织建设" }, new() { Code = "B", Title = "服务群众" }],
        Items =
        [
            new() { Code = "A1", Section = "A", Title = "班子", Type = ItemType.Scored, Max = 10 },
            new() { Code = "B1", Section = "B", Title = "办实事", Type = ItemType.Scored, Max = 10 },
            new() { Code = "A2", Section = "A", Title = "台账", Type = ItemType.Deduction, Max = 10, PerOccurrence = 2 },
        ],
        Stars = [new(3, 80)],
    });

    [Fact]
    public void An_added_item_goes_to_the_end_of_its_section_with_the_next_free_code()
    {
        var f = Form();
        var (error, focus) = f.Apply("add-item:0");
        Assert.Null(error);
        Assert.Equal(["A1", "B1", "A2", "A3"], f.Items.Select(i => i.Code));
        Assert.Equal("item-3", focus);
    }

    [Fact]
    public void Moving_an_item_swaps_it_with_its_neighbour_in_the_same_section_and_stops_at_the_ends()
    {
        var f = Form();
        f.Apply("up-item:2"); // A2 jumps over B1 to sit before A1
        Assert.Equal(["A2", "B1", "A1"], f.Items.Select(i => i.Code));
        f.Apply("up-item:0");
        Assert.Equal(["A2", "B1", "A1"], f.Items.Select(i => i.Code));
        f.Apply("down-item:1");
        Assert.Equal(["A2", "B1", "A1"], f.Items.Select(i => i.Code)); // B1 is the only B item
    }

    [Fact]
    public void A_section_with_items_is_not_removed_an_empty_one_is()
    {
        var f = Form();
        Assert.Equal("请先删除该部分下的评分项，或把它们移到其他部分。", f.Apply("remove-section:1").Error);
        f.Apply("add-section");
        Assert.Equal("C", f.Sections[2].Code);
        Assert.Null(f.Apply("remove-section:2").Error);
        Assert.Equal(2, f.Sections.Count);
    }

    [Fact]
    public void Renaming_a_section_carries_its_items_and_the_definition_keeps_only_what_the_type_uses()
    {
        var f = Form();
        f.Sections[0].Code = "Z";
        f.Items[0].Type = ItemType.Veto;
        f.Items[1].PerOccurrence = 5; // not a deduction item: dropped
        f.Normalise();
        var d = f.ToDefinition();
        Assert.Equal(["Z", "B", "Z"], d.Items.Select(i => i.Section));
        Assert.Equal(0, d.Items[0].Max);
        Assert.Equal(0, d.Items[1].PerOccurrence);
        Assert.Empty(d.Validate());
    }

    [Fact]
    public void A_half_filled_star_row_is_an_error_and_a_blank_one_is_dropped()
    {
        var f = Form();
        f.Stars.Add(new StarForm { Level = null, MinScore = null });
        f.Stars.Add(new StarForm { Level = 4, MinScore = null });
        f.Normalise();
        Assert.Equal(2, f.Stars.Count);
        Assert.Equal("星级须为 1 到 5，并填写门槛分。", f.Check()["Stars[1]"]);
    }
}
