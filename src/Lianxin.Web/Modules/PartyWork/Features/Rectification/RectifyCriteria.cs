using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Rectification;

/// <summary>The district's criteria for weak branches: the stored ones, or the defaults staged for the caller's save the first time.</summary>
public static class RectifyCriteria
{
    public const string Module = "partywork", ProgressKind = "progress";

    public static async Task<IReadOnlyList<RectifyCriterion>> AllAsync(LianxinDb db, CancellationToken ct)
    {
        var list = await db.RectifyCriteria.OrderBy(c => c.Seq).ToListAsync(ct);
        if (list.Count > 0) return list;
        list = RectifyRules.Defaults.Select((d, i) => new RectifyCriterion { Code = d.Code, Seq = i + 1, Name = d.Name, Check = d.Check, Threshold = d.Threshold }).ToList();
        db.RectifyCriteria.AddRange(list);
        return list;
    }

    /// <summary>"考评得分偏低（低于 70 分）": the name with the threshold the street set.</summary>
    public static string Label(RectifyCriterion c) => c.Check switch
    {
        // The name is the street's own text; the threshold's wording is ours and follows the reader's language.
        RectifyCheck.LowReviewScore => string.Format(Text.Of("{0}（低于 {1} 分）"), c.Name, c.Threshold?.ToString("0.#")),
        RectifyCheck.OrgLifeArrears => string.Format(Text.Of("{0}（近一年欠 {1} 次及以上）"), c.Name, c.Threshold?.ToString("0")),
        RectifyCheck.RepeatedFindings => string.Format(Text.Of("{0}（近两年 {1} 轮及以上）"), c.Name, c.Threshold?.ToString("0")),
        _ => c.Name,
    };

    public static string Reasons(IReadOnlyList<RectifyCriterion> criteria, string codes)
    {
        var mine = codes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(Text.Of("；"), mine.Select(code => criteria.FirstOrDefault(c => c.Code == code) is { } c ? Label(c) : code));
    }
}
