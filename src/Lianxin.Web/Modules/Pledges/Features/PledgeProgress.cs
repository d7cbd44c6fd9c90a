using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Pledges.Features;

public class ProgressRequest
{
    public DateOnly? On { get; set; }
    public int Percent { get; set; }
    public string Note { get; set; } = "";
    public int Version { get; set; }
}

public class LinkDemandRequest
{
    public string TicketNo { get; set; } = "";
}

public class PublishPledgeRequest
{
    public int Version { get; set; }
}

public class ClosePledgeRequest
{
    public string Confirmation { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>The life of a pledge after it is made: progress (进度清单), tasks done, demands linked, closing with residents' confirmation.</summary>
public static class PledgeProgress
{
    static async Task<Outcome<Pledge>> EditableAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var p = await db.Pledges.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return Failure.NotFound;
        if (!db.Scope.Can(PledgePermissions.PledgeManage, p.OrgPath)) return Failure.Forbidden;
        if (p.State == PledgeState.Closed) return Failure.Conflict("该承诺事项已办结，不能再修改。");
        if (p.State is PledgeState.Submitted or PledgeState.Returned) return Failure.Conflict("党员承诺经支部审核通过后才能推进。");
        return p;
    }

    /// <summary>A progress update (进度清单), with up to three photos already checked by Platform.Files.PhotoUpload.</summary>
    public static async Task<Outcome<PledgeSaved>> AddAsync(LianxinDb db, TimeProvider clock, Guid id, ProgressRequest r, CancellationToken ct,
        IReadOnlyList<Platform.Files.Upload>? photos = null)
    {
        var found = await EditableAsync(db, id, ct);
        if (!found.IsOk) return new Failure(found.Kind, found.Errors, found.Message);
        var p = found.Value!;
        var e = new Errors();
        e.Required(nameof(r.Note), r.Note, "请填写进展情况。");
        e.Max(nameof(r.Note), r.Note, 1000, "进展情况");
        var today = clock.Today();
        var on = r.On ?? today;
        if (PledgeRules.CheckProgress(p.Progress, r.Percent, on, today, p.StartOn) is { } why) e.Fail(r.Percent is < 0 or > 100 || r.Percent < p.Progress ? nameof(r.Percent) : nameof(r.On), why);
        if (e.Any) return Failure.Invalid(e);
        if (p.Version != r.Version) return Failure.Stale;
        db.Entry(p).Property(x => x.Version).OriginalValue = r.Version;
        p.Progress = r.Percent;
        if (r.Percent == 100) p.DoneOn ??= on;
        var now = clock.GetUtcNow().UtcDateTime;
        var update = new PledgeUpdate
        {
            PledgeId = p.Id, OrgPath = p.OrgPath, On = on, Percent = r.Percent, Note = r.Note.Trim(), At = now, ActorName = db.Scope.UserName,
        };
        db.PledgeUpdates.Add(update);
        PledgePhotos.Attach(db, p, update, (photos ?? []).Take(Platform.Files.PhotoUpload.MaxCount), now);
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new PledgeSaved(p.Id, p.Version);
    }

    public static async Task<Outcome<PledgeSaved>> TaskDoneAsync(LianxinDb db, TimeProvider clock, Guid id, Guid taskId, CancellationToken ct)
    {
        var found = await EditableAsync(db, id, ct);
        if (!found.IsOk) return new Failure(found.Kind, found.Errors, found.Message);
        var task = await db.PledgeTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.PledgeId == id, ct);
        if (task is null) return Failure.NotFound;
        if (task.DoneOn is not null) return Failure.Conflict("该任务已完成。");
        task.DoneOn = clock.Today();
        await db.SaveChangesAsync(ct);
        return new PledgeSaved(id, found.Value!.Version);
    }

    public static async Task<Outcome<PledgeSaved>> LinkDemandAsync(LianxinDb db, DemandDirectory demands, Guid id, LinkDemandRequest r, CancellationToken ct)
    {
        var p = await db.Pledges.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return Failure.NotFound;
        if (!db.Scope.Can(PledgePermissions.PledgeManage, p.OrgPath)) return Failure.Forbidden;
        var ticket = r.TicketNo?.Trim().ToUpperInvariant() ?? "";
        if (ticket.Length == 0) return Failure.Invalid(nameof(r.TicketNo), "请填写诉求受理编号。");
        // Only demands the caller can see may be linked.
        var demand = await demands.FindByTicketAsync(ticket, ct);
        if (demand is null) return Failure.Invalid(nameof(r.TicketNo), "未找到该受理编号的诉求，或它不在您的管辖范围内。");
        if (await db.PledgeDemands.AnyAsync(x => x.PledgeId == id && x.DemandId == demand.Id, ct)) return Failure.Conflict("该诉求已关联到此承诺事项。");
        db.PledgeDemands.Add(new PledgeDemand { PledgeId = id, DemandId = demand.Id, OrgPath = p.OrgPath });
        await db.SaveChangesAsync(ct);
        return new PledgeSaved(id, p.Version);
    }

    /// <summary>A draft (proposed by a settled motion) becomes an open pledge, shown on the public board.</summary>
    public static async Task<Outcome<PledgeSaved>> PublishAsync(LianxinDb db, Guid id, PublishPledgeRequest r, CancellationToken ct)
    {
        var found = await EditableAsync(db, id, ct);
        if (!found.IsOk) return new Failure(found.Kind, found.Errors, found.Message);
        var p = found.Value!;
        if (p.State != PledgeState.Draft) return Failure.Conflict("该承诺事项已发布。");
        if (p.Version != r.Version) return Failure.Stale;
        db.Entry(p).Property(x => x.Version).OriginalValue = r.Version;
        p.State = PledgeState.Open;
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new PledgeSaved(p.Id, p.Version);
    }

    public static async Task<Outcome<PledgeSaved>> CloseAsync(LianxinDb db, TimeProvider clock, Guid id, ClosePledgeRequest r, CancellationToken ct)
    {
        var found = await EditableAsync(db, id, ct);
        if (!found.IsOk) return new Failure(found.Kind, found.Errors, found.Message);
        var p = found.Value!;
        var e = new Errors();
        e.Required(nameof(r.Confirmation), r.Confirmation, "请填写群众确认情况（如居民代表会议、入户回访）。");
        e.Max(nameof(r.Confirmation), r.Confirmation, 1000, "群众确认情况");
        if (e.Any) return Failure.Invalid(e);
        if (p.Progress < 100) return Failure.Conflict("进度达到 100% 后才能办结。");
        if (await db.PledgeTasks.AnyAsync(t => t.PledgeId == id && t.DoneOn == null, ct)) return Failure.Conflict("还有未完成的任务，不能办结。");
        if (p.Version != r.Version) return Failure.Stale;
        db.Entry(p).Property(x => x.Version).OriginalValue = r.Version;
        p.State = PledgeState.Closed;
        p.Confirmation = r.Confirmation.Trim();
        p.DoneOn ??= clock.Today();
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new PledgeSaved(p.Id, p.Version);
    }
}

/// <summary>A progress update sent as a multipart form (the API's photo variant): the same fields as <see cref="ProgressRequest"/>.</summary>
public static class ProgressForm
{
    public static ProgressRequest Read(IFormCollection form, Errors e)
    {
        var r = new ProgressRequest { Note = form["note"].ToString() };
        if (!int.TryParse(form["percent"], out var pct)) e.Fail("Percent", "请填写进度（0–100 的整数）。");
        else r.Percent = pct;
        if (!int.TryParse(form["version"], out var v)) e.Fail("Version", "请带上读取时的 version。");
        else r.Version = v;
        var on = form["on"].ToString();
        if (on.Length > 0)
        {
            if (DateOnly.TryParse(on, System.Globalization.CultureInfo.InvariantCulture, out var d)) r.On = d;
            else e.Fail("On", "日期格式应为 yyyy-MM-dd。");
        }
        return r;
    }
}
