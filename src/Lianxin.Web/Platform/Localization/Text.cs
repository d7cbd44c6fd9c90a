using System.Globalization;
using System.Text.Json;

namespace Lianxin.Web.Platform.Localization;

/// <summary>
/// The interface speaks Chinese first: the Chinese text is the key, and en.json gives the English for
/// the few who switch. Each module keeps its own <c>*.en.json</c> beside its code (embedded); all are merged.
/// A missing translation shows the Chinese rather than nothing.
/// </summary>
public class Text
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    static readonly Lazy<Dictionary<string, string>> English = new(() =>
    {
        var assembly = typeof(Text).Assembly;
        var all = new Dictionary<string, string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith("en.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (zh, en) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                all[zh] = en;
        }
        return all;
    });

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string zh] => Of(zh);

    /// <summary>For code that builds texts for a page (select options, enum names) where no <see cref="Text"/> is injected.</summary>
    public static string Of(string zh) => IsEnglish && English.Value.TryGetValue(zh, out var en) ? en : zh;
}
