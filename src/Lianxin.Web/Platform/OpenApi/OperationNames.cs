using System.Text;
using System.Text.RegularExpressions;

namespace Lianxin.Web.Platform.OpenApi;

/// <summary>
/// The operationId and fallback summary of an endpoint, made from its method and route (ADR 0032), so that a new endpoint needs
/// no name by hand and a name changes only when the route does: <c>POST api/v1/members/{id}/transfers</c> is
/// <c>postMembersByIdTransfers</c>.
/// </summary>
public static partial class OperationNames
{
    public static string Id(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in Segments(route))
            foreach (Match token in Token().Matches(segment))
                id.Append(token.Groups["param"].Success ? "By" + Pascal(token.Groups["param"].Value) : Pascal(token.Value));
        return id.ToString();
    }

    /// <summary>
    /// What an endpoint without <c>.WithSummary</c> is listed as: its area (the tag's Chinese name) and what the method does,
    /// "党员管理：查看一条记录". A reader of the document sees words, not the route repeated or a code name.
    /// </summary>
    public static string Summary(string method, string route, string? tag)
    {
        var area = tag is not null && ApiTags.Descriptions.TryGetValue(tag, out var d) ? d.Split('：')[0] : "接口";
        var one = Segments(route).LastOrDefault() is { } last && last.StartsWith('{');
        var verb = method.ToUpperInvariant() switch
        {
            "GET" => one ? "查看一条记录" : "查询",
            "POST" => "提交",
            "PUT" or "PATCH" => "修改",
            "DELETE" => "删除",
            _ => "调用",
        };
        return $"{area}：{verb}";
    }

    /// <summary>The route without its leading <c>api/v1</c> (every module's prefix), its constraints and optional marks.</summary>
    static IEnumerable<string> Segments(string route)
    {
        var segments = Constraint().Replace(route, "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["api", "v1", ..] ? segments[2..] : segments;
    }

    static string Pascal(string word) => string.Concat(word.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    // A route parameter ({id}) or a run of letters and digits ("requests", "rejects.xlsx" gives two).
    [GeneratedRegex(@"\{(?<param>[A-Za-z0-9_]+)\}|[A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    // {id:guid}, {id:int?}, {slug?}, {*rest}: only the parameter's name stays.
    [GeneratedRegex(@"(?<=\{)\*{0,2}|(?::[^{}/]+|\?)(?=\})", RegexOptions.CultureInvariant)]
    private static partial Regex Constraint();
}
