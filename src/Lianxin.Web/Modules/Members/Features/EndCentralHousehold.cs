using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>撤销 (no replacement) or 调整 (<see cref="ReplacementMemberId"/> takes over the households looked after).</summary>
public class EndCentralHouseholdForm
{
    public DateOnly? EndedOn { get; set; }
    public string? Reason { get; set; }
    public Guid? ReplacementMemberId { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Ends an approved central household on a day with a reason, keeping the row as history. Replaced: the new member (living in
/// the community, on the roster) is a central household of the same grid from that day and looks after the same households;
/// revoked: its households are free for another.
/// </summary>
public static class EndCentralHousehold
{
    public static async Task<Outcome<CentralHouseholdDto>> HandleAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid id, EndCentralHouseholdForm f, CancellationToken ct)
    {
        var ch = await db.CentralHouseholds.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ch is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, ch.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(f.Reason), f.Reason, "请填写撤销或调整的原因。");
        e.Max(nameof(f.Reason), f.Reason, 200, "原因");
        if (f.EndedOn is not { } on) e.Fail(nameof(f.EndedOn), "请填写日期。");
        else if (on > clock.Today()) e.Fail(nameof(f.EndedOn), "日期不能晚于今天。");
        else if (on < (ch.ApprovedOn ?? ch.NominatedOn)) e.Fail(nameof(f.EndedOn), "日期不能早于认定日期。");
        Domain.Member? replacement = null;
        if (f.ReplacementMemberId is { } rid)
        {
            replacement = await db.Members.AcrossScope().AsNoTracking().FirstOrDefaultAsync(m => m.Id == rid, ct);
            if (replacement is null || !replacement.OnRoster || replacement.ResidenceCommunityId != ch.CommunityId || replacement.Id == ch.MemberId)
                e.Fail(nameof(f.ReplacementMemberId), "接任的党员须为住在本社区的在册党员。");
        }
        if (e.Any) return Failure.Invalid(e);
        if (ch.Version != f.Version) return Failure.Stale;
        if (ch.Status != CentralHouseholdStatus.Approved) return Failure.Conflict("只有已认定的党员中心户可以撤销或调整。");
        if (replacement is not null && await db.CentralHouseholds.AcrossScope().AnyAsync(c => c.MemberId == replacement.Id
                && (c.Status == CentralHouseholdStatus.Nominated || c.Status == CentralHouseholdStatus.Approved), ct))
            return Failure.Conflict("接任的党员已被提名或已是党员中心户。");

        ch.Status = CentralHouseholdStatus.Ended;
        ch.EndedOn = f.EndedOn;
        ch.EndReason = f.Reason!.Trim();
        var links = await db.CentralHouseholdLinks.AcrossScope().Where(l => l.CentralHouseholdId == ch.Id).ToListAsync(ct);
        if (replacement is not null)
        {
            var next = new CentralHousehold
            {
                MemberId = replacement.Id, MemberName = replacement.Name, CommunityId = ch.CommunityId, GridId = ch.GridId, OrgPath = ch.OrgPath,
                Status = CentralHouseholdStatus.Approved, NominatedOn = f.EndedOn!.Value, ApprovedOn = f.EndedOn, Duties = ch.Duties,
            };
            db.CentralHouseholds.Add(next);
            ch.ReplacedById = next.Id;
            foreach (var l in links) l.CentralHouseholdId = next.Id;
        }
        else db.CentralHouseholdLinks.RemoveRange(links);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return await ListCentralHouseholds.OneAsync(db, places, ch.Id, ct);
    }
}
