using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>Any filtered roster view as .xlsx; phone and ID number masked unless the caller holds MemberPersonalData for that row.</summary>
public static class ExportMembers
{
    public static readonly string[] Headers = ["姓名", "性别", "民族", "出生日期", "公民身份号码", "手机号码", "学历", "入党日期", "转正日期", "党员类别", "党籍状态", "所在支部", "居住小区", "详细住址", "工作单位", "在职情况", "流向"];

    public static async Task<Outcome<byte[]>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, MemberFilter f, CancellationToken ct)
    {
        var query = await ListMembers.QueryAsync(db, units, pd, f, ct);
        if (!query.IsOk) return query.AsFailure();
        var rows = await query.Value!.OrderBy(m => m.OrgPath).ThenBy(m => m.Name).ToListAsync(ct);
        var dtos = await db.ToDtosAsync(units, places, pd, rows, clock.Today(), ct);
        // Dates are date cells; the ID number and phone columns are text, so a copy into another workbook keeps every digit.
        var bytes = Xlsx.Write([new XlsxSheet("党员名册", Headers, dtos.Select(m => (IReadOnlyList<object?>)
        [
            m.Name, m.Gender, m.Ethnicity, m.BirthDate, m.IdNumber, m.Phone, m.Education, m.JoinedOn, m.FullMemberOn, m.CategoryName, m.StatusName,
            m.BranchName, m.CompoundName, m.Address, m.Workplace, m.EmploymentName, m.FloatingTo,
        ])) { TextColumns = new HashSet<string> { "公民身份号码", "手机号码" } }]);
        return bytes;
    }

    public static string FileName(TimeProvider clock) => $"党员名册-{clock.Today():yyyyMMdd}.xlsx";
}
