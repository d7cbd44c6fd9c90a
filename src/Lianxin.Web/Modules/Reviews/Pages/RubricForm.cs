using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>
/// The rubric editor's form: the same content as <see cref="RubricDefinition"/>, as mutable rows the page can
/// add, remove and reorder. Field names follow the definition ("Input.Definition.Items[3].Max"), so the errors
/// <see cref="Features.SaveRubric"/> reports land beside the field they are about.
/// </summary>
public class RubricForm
{
    public string Name { get; set; } = "";
    public RubricPurpose Purpose { get; set; }
    public DefinitionForm Definition { get; set; } = new();
}

public class SectionForm
{
    public string? Code { get; set; }
    /// <summary>The code the section had when the form was drawn: renaming a section carries its items along.</summary>
    public string? OriginalCode { get; set; }
    public string? Title { get; set; }
    public double? Weight { get; set; } = 1;
    public string? Parent { get; set; }
}

public class ItemForm
{
    public string? Code { get; set; }
    public string? Section { get; set; }
    public string? Title { get; set; }
    public ItemType Type { get; set; }
    public double? Max { get; set; }
    public double? PerOccurrence { get; set; }
    public double? Floor { get; set; }
    public string? Guidance { get; set; }
    public string? Evidence { get; set; }
    /// <summary>An indicator code from the catalogue (得分项 only), or empty: the reviewer enters the score.</summary>
    public string? Indicator { get; set; }
    public double? FullAt { get; set; }
}

public class StarForm
{
    public int? Level { get; set; }
    public double? MinScore { get; set; }
}

public class DefinitionForm
{
    public List<SectionForm> Sections { get; set; } = [];
    public List<ItemForm> Items { get; set; } = [];
    public double? BonusCap { get; set; }
    public VetoEffect VetoEffect { get; set; }
    public double? VetoCap { get; set; }
    public List<StarForm> Stars { get; set; } = [];

    public static DefinitionForm From(RubricDefinition d) => new()
    {
        Sections = d.Sections.Select(s => new SectionForm { Code = s.Code, OriginalCode = s.Code, Title = s.Title, Weight = s.Weight, Parent = s.Parent }).ToList(),
        Items = d.Items.Select(i => new ItemForm
        {
            Code = i.Code, Section = i.Section, Title = i.Title, Type = i.Type, Max = i.Max,
            PerOccurrence = i.Type == ItemType.Deduction ? i.PerOccurrence : null, Floor = i.Type == ItemType.Deduction ? i.Floor : null,
            Guidance = i.Guidance, Evidence = i.Evidence, Indicator = i.Indicator, FullAt = i.FullAt,
        }).ToList(),
        BonusCap = d.BonusCap, VetoEffect = d.VetoEffect, VetoCap = d.VetoCap,
        Stars = d.Stars.OrderBy(s => s.Level).Select(s => new StarForm { Level = s.Level, MinScore = s.MinScore }).ToList(),
    };

    /// <summary>Renamed sections take their items with them; blank star rows are dropped.</summary>
    public void Normalise()
    {
        foreach (var s in Sections)
        {
            s.Code = s.Code?.Trim();
            if (!string.IsNullOrEmpty(s.OriginalCode) && s.OriginalCode != s.Code)
            {
                foreach (var i in Items.Where(i => i.Section == s.OriginalCode)) i.Section = s.Code;
                foreach (var c in Sections.Where(c => c.Parent == s.OriginalCode)) c.Parent = s.Code;
            }
            s.OriginalCode = s.Code;
        }
        Stars.RemoveAll(s => s.Level is null && s.MinScore is null);
    }

    /// <summary>Page-only checks the definition cannot make (a half-filled star row); keys as the form's fields.</summary>
    public Dictionary<string, string> Check()
    {
        var e = new Dictionary<string, string>();
        for (var i = 0; i < Stars.Count; i++)
            if (Stars[i].Level is not (>= 1 and <= 5) || Stars[i].MinScore is null)
                e[$"Stars[{i}]"] = "星级须为 1 到 5，并填写门槛分。";
        return e;
    }

    public RubricDefinition ToDefinition() => new()
    {
        Sections = Sections.Select(s => new RubricSection
        {
            Code = s.Code?.Trim() ?? "", Title = s.Title?.Trim() ?? "", Weight = s.Weight ?? 0, Parent = string.IsNullOrWhiteSpace(s.Parent) ? null : s.Parent.Trim(),
        }).ToList(),
        Items = Items.Select(i => new RubricItem
        {
            Code = i.Code?.Trim() ?? "", Section = i.Section?.Trim() ?? "", Title = i.Title?.Trim() ?? "", Type = i.Type,
            Max = i.Type == ItemType.Veto ? 0 : i.Max ?? 0,
            PerOccurrence = i.Type == ItemType.Deduction ? i.PerOccurrence ?? 0 : 0,
            Floor = i.Type == ItemType.Deduction ? i.Floor ?? 0 : 0,
            Guidance = string.IsNullOrWhiteSpace(i.Guidance) ? null : i.Guidance.Trim(),
            Evidence = string.IsNullOrWhiteSpace(i.Evidence) ? null : i.Evidence.Trim(),
            Indicator = i.Type == ItemType.Scored && !string.IsNullOrWhiteSpace(i.Indicator) ? i.Indicator.Trim() : null,
            FullAt = i.Type == ItemType.Scored && !string.IsNullOrWhiteSpace(i.Indicator) ? i.FullAt : null,
        }).ToList(),
        BonusCap = BonusCap ?? 0, VetoEffect = VetoEffect, VetoCap = VetoEffect == VetoEffect.Cap ? VetoCap ?? 0 : 0,
        Stars = Stars.Where(s => s.Level is not null && s.MinScore is not null).Select(s => new StarThreshold(s.Level!.Value, s.MinScore!.Value)).ToList(),
    };

    /// <summary>
    /// Add, remove or move a row ("add-item:2" adds to section 2, "up-item:5", "remove-section:1", "add-star"…).
    /// Answers an error when the move cannot be made, and the id of the row to bring into view.
    /// </summary>
    public (string? Error, string? Focus) Apply(string op)
    {
        var parts = op.Split(':');
        var verb = parts[0];
        var at = parts.Length > 1 && int.TryParse(parts[1], out var n) ? n : -1;
        switch (verb)
        {
            case "add-section":
                var code = NextSectionCode();
                Sections.Add(new SectionForm { Code = code, OriginalCode = code, Title = "", Weight = 1 });
                return (null, $"section-{Sections.Count - 1}");
            case "remove-section" when In(Sections, at):
                var gone = Sections[at].Code;
                if (Items.Any(i => i.Section == gone)) return ("请先删除该部分下的评分项，或把它们移到其他部分。", $"section-{at}");
                if (Sections.Any(s => s.Parent == gone)) return ("该部分下还有下级部分，请先调整。", $"section-{at}");
                Sections.RemoveAt(at);
                return (null, null);
            case "up-section" when In(Sections, at) && at > 0:
                (Sections[at - 1], Sections[at]) = (Sections[at], Sections[at - 1]);
                return (null, $"section-{at - 1}");
            case "down-section" when In(Sections, at) && at < Sections.Count - 1:
                (Sections[at + 1], Sections[at]) = (Sections[at], Sections[at + 1]);
                return (null, $"section-{at + 1}");
            case "add-item" when In(Sections, at):
                var section = Sections[at].Code ?? "";
                var last = Items.FindLastIndex(i => i.Section == section);
                var item = new ItemForm { Code = NextItemCode(section), Section = section, Title = "", Type = ItemType.Scored, Max = 10 };
                var index = last < 0 ? Items.Count : last + 1;
                Items.Insert(index, item);
                return (null, $"item-{index}");
            case "remove-item" when In(Items, at):
                Items.RemoveAt(at);
                return (null, null);
            case "up-item" when In(Items, at):
                var before = at == 0 ? -1 : Items.FindLastIndex(at - 1, at, i => i.Section == Items[at].Section);
                if (before < 0) return (null, $"item-{at}");
                (Items[before], Items[at]) = (Items[at], Items[before]);
                return (null, $"item-{before}");
            case "down-item" when In(Items, at):
                var after = Items.FindIndex(at + 1, i => i.Section == Items[at].Section);
                if (after < 0) return (null, $"item-{at}");
                (Items[after], Items[at]) = (Items[at], Items[after]);
                return (null, $"item-{after}");
            case "add-star":
                var top = Stars.Where(s => s.Level is not null).Select(s => s.Level!.Value).DefaultIfEmpty(0).Max();
                Stars.Add(new StarForm { Level = Math.Min(5, top + 1) });
                return (null, "stars");
            case "remove-star" when In(Stars, at):
                Stars.RemoveAt(at);
                return (null, "stars");
            default:
                return (null, null);
        }
    }

    static bool In<T>(List<T> list, int i) => i >= 0 && i < list.Count;

    string NextSectionCode()
    {
        for (var c = 'A'; c <= 'Z'; c++)
            if (!Sections.Any(s => s.Code == c.ToString())) return c.ToString();
        return $"S{Sections.Count + 1}";
    }

    string NextItemCode(string section)
    {
        for (var k = 1; ; k++)
            if (!Items.Any(i => i.Code == $"{section}{k}")) return $"{section}{k}";
    }
}

/// <summary>One item row of the editor, with what the partial needs to draw it.</summary>
public record RubricItemRow(ItemForm Item, int Index, DefinitionForm Definition, bool ReadOnly, bool First, bool Last);
