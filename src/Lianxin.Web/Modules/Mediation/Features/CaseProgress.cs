using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Features;

public class SessionRequest
{
    public DateOnly? HeldOn { get; set; }
    public string Place { get; set; } = "";
    public string Notes { get; set; } = "";
}

public class CloseCaseRequest
{
    public int Version { get; set; }
    public CaseState Outcome { get; set; } = CaseState.Agreed;
    public string Note { get; set; } = "";
    public DateOnly? ClosedOn { get; set; }
    /// <summary>When to check that the agreement is kept (回访); required when an agreement was reached.</summary>
    public DateOnly? FollowUpDue { get; set; }
}

public class FollowUpRequest
{
    public int Version { get; set; }
    public DateOnly? On { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>What anyone who sees a case may do on it (its team and its community's staff): sessions, the outcome with the agreement, the follow-up.</summary>
public static class CaseProgress
{
    public static async Task<Outcome<CaseSaved>> SessionAsync(LianxinDb db, TimeProvider clock, Guid id, SessionRequest r, CancellationToken ct)
    {
        var c = await db.MediationCases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        if (c.State != CaseState.Open) return Failure.Conflict($"该案件已{c.State.Chinese()}，不能再登记调解。");
        var e = new Errors();
        if (r.HeldOn is null) e.Fail(nameof(r.HeldOn), "请填写调解日期。");
        else if (r.HeldOn > clock.Today() || r.HeldOn < c.OpenedOn) e.Fail(nameof(r.HeldOn), "调解日期须在受理日期与今天之间。");
        e.Required(nameof(r.Place), r.Place, "请填写调解地点。");
        e.Max(nameof(r.Place), r.Place, 100, "调解地点");
        e.Required(nameof(r.Notes), r.Notes, "请记录调解情况。");
        e.Max(nameof(r.Notes), r.Notes, 4000, "调解情况");
        if (e.Any) return Failure.Invalid(e);
        db.MediationSessions.Add(new MediationSession
        {
            CaseId = c.Id, HeldOn = r.HeldOn!.Value, Place = r.Place.Trim(), Notes = r.Notes.Trim(), RecordedBy = db.Scope.UserName, RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return new CaseSaved(c.Id, c.CaseNo, c.Version);
    }

    public static async Task<Outcome<CaseSaved>> CloseAsync(LianxinDb db, TimeProvider clock, Guid id, CloseCaseRequest r, IReadOnlyList<Upload> agreement, CancellationToken ct)
    {
        var c = await db.MediationCases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        if (c.State != CaseState.Open) return Failure.Conflict($"该案件已{c.State.Chinese()}。");
        var today = clock.Today();
        var e = new Errors();
        if (r.Outcome is not (CaseState.Agreed or CaseState.Failed or CaseState.Litigation)) e.Fail(nameof(r.Outcome), "请选择调解结果。");
        e.Required(nameof(r.Note), r.Note, "请填写调解结果说明。");
        e.Max(nameof(r.Note), r.Note, 2000, "结果说明");
        var closed = r.ClosedOn ?? today;
        if (closed > today || closed < c.OpenedOn) e.Fail(nameof(r.ClosedOn), "结案日期须在受理日期与今天之间。");
        if (r.Outcome == CaseState.Agreed)
        {
            if (agreement.Count == 0) e.Fail("Agreement", "达成协议的，请上传调解协议书（照片或扫描件）。");
            if (r.FollowUpDue is null) e.Fail(nameof(r.FollowUpDue), "达成协议的，请确定回访日期。");
            else if (r.FollowUpDue < closed) e.Fail(nameof(r.FollowUpDue), "回访日期不能早于结案日期。");
        }
        if (!await db.MediationSessions.AnyAsync(s => s.CaseId == id, ct)) e.Fail(nameof(r.Outcome), "请先登记至少一次调解。");
        if (e.Any) return Failure.Invalid(e);
        if (c.Version != r.Version) return Failure.Stale;
        db.Entry(c).Property(x => x.Version).OriginalValue = r.Version;
        (c.State, c.OutcomeNote, c.ClosedOn) = (r.Outcome, r.Note.Trim(), closed);
        c.FollowUpDue = r.Outcome == CaseState.Agreed ? r.FollowUpDue : null;
        if (agreement.Count > 0) CaseFiles.Attach(db, c, agreement, clock.GetUtcNow().UtcDateTime);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new CaseSaved(c.Id, c.CaseNo, c.Version);
    }

    public static async Task<Outcome<CaseSaved>> FollowUpAsync(LianxinDb db, TimeProvider clock, Guid id, FollowUpRequest r, CancellationToken ct)
    {
        var c = await db.MediationCases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        if (c.State != CaseState.Agreed || c.FollowUpDue is null) return Failure.Conflict("只有达成协议的案件需要回访。");
        var e = new Errors();
        if (r.On is null) e.Fail(nameof(r.On), "请填写回访日期。");
        else if (r.On > clock.Today() || r.On < c.ClosedOn) e.Fail(nameof(r.On), "回访日期须在结案日期与今天之间。");
        e.Required(nameof(r.Note), r.Note, "请填写协议履行情况。");
        e.Max(nameof(r.Note), r.Note, 1000, "履行情况");
        if (e.Any) return Failure.Invalid(e);
        if (c.Version != r.Version) return Failure.Stale;
        db.Entry(c).Property(x => x.Version).OriginalValue = r.Version;
        (c.FollowedUpOn, c.FollowUpNote) = (r.On, r.Note.Trim());
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new CaseSaved(c.Id, c.CaseNo, c.Version);
    }
}
