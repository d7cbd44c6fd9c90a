using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>The results of a round as an .xlsx: one row per unit (rank, total, sections, change, the visit's 汇报/计划/表态, the street's
/// 点评 and the reviewers' notes), what a street files and forwards.</summary>
public static class ResultsWorkbook
{
    public const string ContentType = Xlsx.ContentType;

    public static async Task<Outcome<byte[]>> HandleAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var outcome = await ReviewResults.GetAsync(db, id, ct);
        if (!outcome.IsOk) return new Outcome<byte[]>(outcome.Kind, null, outcome.Errors, outcome.Message);
        return Write(outcome.Value!);
    }

    public static byte[] Write(RoundResults r) => Xlsx.Write([
        new XlsxSheet("排名", ["名次", "单位", "总分", .. r.Sections.Select(s => s.Title), "较上轮", "已提交评分表", "汇报", "下步工作计划", "表态", "街道点评", "评委备注"],
            r.Units.Select(u => (IReadOnlyList<object?>)[
                Xlsx.Number(u.Rank), u.UnitName, Xlsx.Number(u.Total), .. r.Sections.Select(s => (object?)Xlsx.Number(u.Sections.GetValueOrDefault(s.Code))),
                Xlsx.Number(u.ChangePoints), $"{u.SheetsSubmitted}/{u.SheetsExpected}",
                u.Remark?.Report, u.Remark?.NextSteps, u.Remark?.Commitment, u.Remark?.Comment, string.Join("；", u.Comments.Select(c => $"{c.Reviewer}：{c.Comment}")),
            ])) { Title = [r.Name] },
    ]);
}
