using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// A member working away comes back (or stops being mobile for another reason): the span ends on the day given, kept as history;
/// from that day their org life counts at their own branch again and the roster shows the employment they had before.
/// </summary>
public static class EndMobile
{
    public static async Task<Outcome<MobileRow>> HandleAsync(LianxinDb db, OrgDirectory units, PersonalData pd, TimeProvider clock, Guid id, EndForm f, CancellationToken ct)
    {
        var row = await db.MobileMemberships.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (row is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, row.OrgPath)) return Failure.Forbidden;
        if (f.Problems(clock) is { } e) return Failure.Invalid(e);
        if (f.EndedOn < row.StartedOn) return Failure.Invalid(nameof(f.EndedOn), $"返回日期不能早于外出日期（{row.StartedOn:yyyy-MM-dd}）。");
        if (row.Version != f.Version) return Failure.Stale;
        if (row.EndedOn is not null) return Failure.Conflict("该外出登记已结束。");
        (row.EndedOn, row.EndReason) = (f.EndedOn, f.Reason!.Trim());
        if (await db.Members.FirstOrDefaultAsync(x => x.Id == row.MemberId, ct) is { Employment: Employment.Floating } m)
            (m.Employment, m.FloatingTo) = (row.PreviousEmployment, null);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return (await MobileRows.ToRowsAsync(db, units, pd, [row], ct))[0];
    }
}
