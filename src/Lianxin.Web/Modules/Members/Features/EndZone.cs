using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public class EndForm
{
    public DateOnly? EndedOn { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }

    /// <summary>A day (not in the future) and a reason: what ending anything here needs.</summary>
    public Errors? Problems(TimeProvider clock)
    {
        var e = new Errors();
        e.Required(nameof(Reason), Reason, "请填写原因。");
        e.Max(nameof(Reason), Reason, 200, "原因");
        if (EndedOn is not { } on) e.Fail(nameof(EndedOn), "请填写日期。");
        else if (on > clock.Today()) e.Fail(nameof(EndedOn), "日期不能晚于今天。");
        return e.Any ? e : null;
    }
}

/// <summary>撤销 a zone on a day with a reason; it and its members stay as history (members ended the same day).</summary>
public static class EndZone
{
    public static async Task<Outcome<ZoneDto>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, EndForm f, CancellationToken ct)
    {
        var zone = await db.ResponsibilityZones.FirstOrDefaultAsync(z => z.Id == id, ct);
        if (zone is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, zone.OrgPath)) return Failure.Forbidden;
        if (f.Problems(clock) is { } e) return Failure.Invalid(e);
        if (zone.Version != f.Version) return Failure.Stale;
        if (zone.EndedOn is not null) return Failure.Conflict("该责任区已撤销。");
        (zone.EndedOn, zone.EndReason) = (f.EndedOn, f.Reason!.Trim());
        foreach (var m in await db.ZoneMembers.AcrossScope().Where(z => z.ZoneId == zone.Id && z.EndedOn == null).ToListAsync(ct)) m.EndedOn = f.EndedOn;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return await ListZones.OneAsync(db, zone.Id, ct);
    }
}
