using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>Marking a member as working away (外出流动).</summary>
public class MobileForm
{
    public string City { get; set; } = "";
    public string? Workplace { get; set; }
    /// <summary>The 流动党员党支部 whose org life they take part in while away.</summary>
    public Guid? MobileBranchId { get; set; }
    public string? ContactPhone { get; set; }
    public bool OnlineMeetings { get; set; }
    public bool Reports { get; set; }
    public DateOnly? StartedOn { get; set; }
}

/// <summary>
/// A member on the roster starts working away: a new span with where they are, the mobile-member branch they join, a contact phone
/// (stored encrypted) and how they take part; the roster shows them as 流动党员 (Employment.Floating, FloatingTo) until it ends.
/// One open span at a time, and a new one may not start before the last one ended.
/// </summary>
public static class MarkMobile
{
    public static async Task<Outcome<MobileRow>> HandleAsync(LianxinDb db, OrgDirectory units, PersonalData pd, TimeProvider clock, Guid memberId, MobileForm f, CancellationToken ct)
    {
        var m = await db.Members.FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, m.OrgPath)) return Failure.Forbidden;
        if (!m.OnRoster) return Failure.Conflict("该党员已不在册，不能登记为流动党员。");
        var spans = await db.MobileMemberships.AcrossScope().Where(x => x.MemberId == m.Id).ToListAsync(ct);
        if (spans.Any(x => x.EndedOn is null)) return Failure.Conflict($"{m.Name}已登记为流动党员，请先结束当前的外出登记。");

        var e = new Errors();
        e.Required(nameof(f.City), f.City, "请填写外出所在城市。");
        e.Max(nameof(f.City), f.City, 60, "所在城市");
        e.Max(nameof(f.Workplace), f.Workplace, 100, "工作单位");
        var phone = f.ContactPhone?.Trim().Replace(" ", "");
        if (!string.IsNullOrEmpty(phone) && !(phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit)))
            e.Fail(nameof(f.ContactPhone), "联系电话应为 11 位手机号码。");
        // The mobile branch may belong to another street of the district: it is chosen, not seen.
        var branch = f.MobileBranchId is { } bid ? await units.FindInDistrictAsync(bid, ct) : null;
        if (branch is not { Kind: OrgKind.Branch, IsActive: true }) e.Fail(nameof(f.MobileBranchId), "请选择所加入的流动党员党支部。");
        else if (branch.Id == m.BranchId) e.Fail(nameof(f.MobileBranchId), "流动党员党支部不能是其组织关系所在的支部。");
        var last = spans.Max(x => x.EndedOn);
        if (f.StartedOn is not { } on) e.Fail(nameof(f.StartedOn), "请填写外出日期。");
        else if (on > clock.Today()) e.Fail(nameof(f.StartedOn), "外出日期不能晚于今天。");
        else if (last is { } l && on < l) e.Fail(nameof(f.StartedOn), $"外出日期不能早于上一次返回的日期（{l:yyyy-MM-dd}）。");
        if (e.Any) return Failure.Invalid(e);

        var row = new MobileMembership
        {
            MemberId = m.Id, MemberName = m.Name, OrgPath = m.OrgPath, City = f.City.Trim(), Workplace = Blank(f.Workplace),
            MobileBranchId = branch!.Id, MobileBranchPath = branch.Path, ContactPhoneCipher = string.IsNullOrEmpty(phone) ? null : pd.Encrypt(phone),
            OnlineMeetings = f.OnlineMeetings, Reports = f.Reports, StartedOn = f.StartedOn!.Value,
            PreviousEmployment = m.Employment == Employment.Floating ? Employment.InService : m.Employment,
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = db.Scope.UserName,
        };
        db.MobileMemberships.Add(row);
        m.Employment = Employment.Floating;
        m.FloatingTo = row.City;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return (await MobileRows.ToRowsAsync(db, units, pd, [row], ct))[0];
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
