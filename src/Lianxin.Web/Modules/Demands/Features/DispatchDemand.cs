using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>街乡吹哨: the street sends the demand to one or more departments, saying what it needs from each.</summary>
public class DispatchRequest
{
    public List<Guid> DepartmentIds { get; set; } = [];
    public string Request { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>部门报到: a department accepts a dispatch, reports back what it did, or returns it with a reason.</summary>
public class DispatchAnswerRequest
{
    public DemandAction Action { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

public record DispatchSaved(Guid Id, DispatchState State, int Version, DemandState DemandState);

public record DepartmentDto(Guid Id, string Name);

public static class DispatchDemand
{
    /// <summary>The departments that answer a street's whistle: units of kind Department under it.</summary>
    public static async Task<List<DepartmentDto>> DepartmentsAsync(OrgDirectory org, Guid streetId, CancellationToken ct) =>
        (await DepartmentUnitsAsync(org, streetId, ct)).Select(u => new DepartmentDto(u.Id, u.DisplayName)).ToList();

    static async Task<List<OrgUnitRef>> DepartmentUnitsAsync(OrgDirectory org, Guid streetId, CancellationToken ct) =>
        (await org.InDistrictAsync(ct, true, OrgKind.Department)).Where(u => u.ParentId == streetId)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();

    public static async Task<Outcome<DemandSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, DispatchRequest r, CancellationToken ct)
    {
        var d = await db.Demands.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandDispatch, d.HandlerPath)) return Failure.Forbidden;
        var e = new Errors();
        var ids = (r.DepartmentIds ?? []).Distinct().ToList();
        if (ids.Count == 0) e.Fail(nameof(r.DepartmentIds), "请选择至少一个职能部门。");
        e.Required(nameof(r.Request), r.Request, "请说明需要部门解决的问题。");
        e.Max(nameof(r.Request), r.Request, 1000, "派单说明");
        if (e.Any) return Failure.Invalid(e);
        if (DemandRules.Check(d.State, d.Level, DemandAction.Dispatch) is { } why) return Failure.Conflict(why);
        var departments = await DepartmentUnitsAsync(org, d.StreetId, ct);
        var chosen = departments.Where(x => ids.Contains(x.Id)).ToList();
        if (chosen.Count != ids.Count) return Failure.Invalid(nameof(r.DepartmentIds), "所选部门不属于本街道。");
        if (d.Version != r.Version) return Failure.Stale;
        db.Entry(d).Property(x => x.Version).OriginalValue = r.Version;

        var now = clock.GetUtcNow().UtcDateTime;
        var extraDays = (await StreetSettings.ForStreetAsync(db, d.StreetId, ct)).ExtraResolveDaysPerLevel;
        var limit = (await db.DemandCategories.AcrossScope().FirstOrDefaultAsync(c => c.Id == d.CategoryId, ct))?.LimitAt(DemandLevel.Street, extraDays) ?? new TimeLimit(8, 5);
        var calendar = await TenantCalendar.ForDeadlinesAsync(db, now, ct);
        var dueAt = calendar.AddWorkingDays(now, limit.ResolveDays);
        foreach (var dep in chosen)
            db.Dispatches.Add(new Dispatch
            {
                TenantId = d.TenantId, DemandId = d.Id, DepartmentId = dep.Id, DepartmentName = dep.DisplayName, OrgPath = dep.Path,
                DemandPath = d.OrgPath, Request = r.Request.Trim(), State = DispatchState.Pending, SentAt = now,
                DueAt = dueAt,
            });
        d.State = DemandState.Dispatched;
        d.FirstResponseAt ??= now;
        d.ResponseDueAt = null;
        d.ResolveDueAt = dueAt;
        var unitName = await DemandFlow.UnitNameAsync(org, d.HandlerUnitId, ct);
        db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Dispatch, now, unitName, $"吹哨派往：{string.Join("、", chosen.Select(c => c.DisplayName))}。{r.Request.Trim()}"));
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new DemandSaved(d.Id, d.State, d.Level, d.Version);
    }

    /// <summary>
    /// Every answer bumps the demand's version, so two departments answering at once cannot both miss that they
    /// were the last: the second save finds the demand moved on and is answered again from fresh rows.
    /// </summary>
    public static async Task<Outcome<DispatchSaved>> AnswerAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid dispatchId, DispatchAnswerRequest r, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AnswerOnceAsync(db, org, clock, dispatchId, r, ct);
            }
            catch (DbUpdateConcurrencyException e) when (e.Entries.All(x => x.Entity is Demand) && attempt < 5)
            {
                db.ChangeTracker.Clear(); // only the demand moved (another department answered): read it all again
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Failure.Stale;
            }
        }
    }

    static async Task<Outcome<DispatchSaved>> AnswerOnceAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid dispatchId, DispatchAnswerRequest r, CancellationToken ct)
    {
        var x = await db.Dispatches.FirstOrDefaultAsync(p => p.Id == dispatchId, ct);
        if (x is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DispatchAnswer, x.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        if (r.Action is not (DemandAction.DepartmentAccept or DemandAction.DepartmentReport or DemandAction.DepartmentReturn))
            e.Fail(nameof(r.Action), "请选择受理、报到反馈或退回。");
        if (r.Action == DemandAction.DepartmentReport) e.Required(nameof(r.Note), r.Note, "请填写办理情况。");
        if (r.Action == DemandAction.DepartmentReturn) e.Required(nameof(r.Note), r.Note, "请填写退回理由。");
        e.Max(nameof(r.Note), r.Note, 1000, "说明");
        if (e.Any) return Failure.Invalid(e);
        if (DemandRules.CheckDispatch(x.State, r.Action) is { } why) return Failure.Conflict(why);
        if (x.Version != r.Version) return Failure.Stale;
        db.Entry(x).Property(p => p.Version).OriginalValue = r.Version;

        // The department sees its dispatch, not the demand: read the demand it was sent, and only that one.
        var d = await db.Demands.AcrossScope().FirstAsync(p => p.Id == x.DemandId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var note = r.Note?.Trim();
        switch (r.Action)
        {
            case DemandAction.DepartmentAccept:
                x.State = DispatchState.Accepted;
                x.AcceptedAt = now;
                break;
            case DemandAction.DepartmentReport:
                x.State = DispatchState.Reported;
                x.ReportedAt = now;
                x.Report = note;
                break;
            default:
                x.State = DispatchState.Returned;
                x.ReportedAt = now;
                x.Report = note;
                break;
        }
        db.DemandSteps.Add(DemandFlow.Step(db, d, r.Action, now, x.DepartmentName, note ?? "部门已受理。"));
        var others = await db.Dispatches.AcrossScope().Where(p => p.DemandId == d.Id && p.Id != x.Id).Select(p => p.State).ToListAsync(ct);
        if (d.State == DemandState.Dispatched && DemandRules.AllDispatchesAnswered([.. others, x.State]))
        {
            // Every department has answered: the street takes the demand back to resolve it with the resident.
            d.State = DemandState.Accepted;
            db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Note, now, await DemandFlow.UnitNameAsync(org, d.HandlerUnitId, ct), "各部门均已反馈，街道继续办理。", "系统"));
        }
        db.Entry(d).Property(p => p.Version).IsModified = true; // bumped on save, checked against the version read above
        await db.SaveChangesAsync(ct);
        return new DispatchSaved(x.Id, x.State, x.Version, d.State);
    }
}
