namespace Lianxin.Web.Platform.Shell;

/// <summary>One option of a picker: the select shows its trail, the search box its name once picked.</summary>
public record PickerOption(Guid Id, string Name, string Trail);

/// <summary>The words of a picker, by what it picks.</summary>
public record PickerTexts(string Empty, string Placeholder, string SearchLabel)
{
    public static readonly PickerTexts Units = new("没有找到匹配的组织", "输入名称查找，如“幸福”", "查找组织");
    public static readonly PickerTexts Compounds = new("没有找到匹配的小区", "输入小区名称查找", "查找小区");
}

/// <summary>
/// What <c>_Picker.cshtml</c> draws: the field the form submits, its options, where the script searches, and how the search
/// box is sent without JavaScript: as <paramref name="QueryName"/> with the form it belongs to (a GET), in the separate
/// <paramref name="SearchForm"/>, or posted with the whole form to <paramref name="SearchAction"/> (the typed fields come
/// back and stay out of the address).
/// </summary>
public record Picker(string Field, string Label, PickerOption? Selected, IReadOnlyList<PickerOption> Options, string Endpoint, string QueryName,
    string? Query, string? Message, string? SearchForm, bool Required, bool Small, string? Blank, PickerTexts Texts, string? SearchAction = null)
{
    public string Id => Field.Replace('.', '_');
}
