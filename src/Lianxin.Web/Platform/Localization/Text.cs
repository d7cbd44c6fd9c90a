using System.Globalization;
using System.Text.Json;

namespace Lianxin.Web.Platform.Localization;

/// <summary>
/// The interface speaks Chinese first: the Chinese text is the key, and en.json gives the English for
/// the few who switch. A missing translation shows the Chinese rather than nothing.
/// </summary>
public class Text
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    static readonly Lazy<Dictionary<string, string>> English = new(() =>
    {
        using var stream = typeof(Text).Assembly.GetManifestResourceStream("Lianxin.Web.Platform.Localization.en.json")!;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    });

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string zh] => IsEnglish && English.Value.TryGetValue(zh, out var en) ? en : zh;
}
