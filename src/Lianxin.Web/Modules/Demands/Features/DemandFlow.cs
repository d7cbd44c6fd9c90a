using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>What every use case of a demand shares: moving it between levels, recording steps.</summary>
public static class DemandFlow
{
    public static Guid? UnitAt(Demand d, DemandLevel level) => level switch
    {
        DemandLevel.Compound => d.CompoundUnitId,
        DemandLevel.Grid => d.GridUnitId,
        DemandLevel.Community => d.CommunityId,
        _ => d.StreetId,
    };

    /// <summary>Hands the demand to <paramref name="level"/>: a new handler, fresh time limits, waiting to be accepted.</summary>
    public static async Task<OrgUnitRef> MoveToAsync(LianxinDb db, OrgDirectory org, Demand d, DemandLevel level, DemandState state, DateTime now,
        WorkingCalendar calendar, CancellationToken ct)
    {
        var unitId = UnitAt(d, level) ?? d.CommunityId;
        // Up the levels, whoever acts: the unit above may lie outside the caller's (or the system's) scope.
        var unit = await org.FindInDistrictAsync(unitId, ct) ?? throw new InvalidOperationException($"Unit {unitId} of demand {d.TicketNo} is missing.");
        var category = await db.DemandCategories.AcrossScope().FirstOrDefaultAsync(c => c.Id == d.CategoryId, ct);
        var settings = await StreetSettings.ForStreetAsync(db, d.StreetId, ct);
        var limit = category?.LimitAt(level, settings.ExtraResolveDaysPerLevel) ?? new TimeLimit(8, 5);
        d.Level = level;
        d.HandlerUnitId = unit.Id;
        d.HandlerPath = unit.Path;
        d.State = state;
        d.LevelSince = now;
        d.ResponseDueAt = state == DemandState.Submitted ? calendar.AddWorkingHours(now, limit.ResponseHours) : null;
        d.ResolveDueAt = calendar.AddWorkingDays(now, limit.ResolveDays);
        d.FirstResponseDueAt ??= d.ResponseDueAt;
        d.Overdue = false;
        return unit;
    }

    public static async Task<string> UnitNameAsync(OrgDirectory org, Guid unitId, CancellationToken ct) =>
        (await org.NamesAsync([unitId], ct)).GetValueOrDefault(unitId, "");

    public static DemandStep Step(LianxinDb db, Demand d, DemandAction action, DateTime now, string unitName, string? note, string? actorName = null) => new()
    {
        TenantId = d.TenantId,
        DemandId = d.Id,
        OrgPath = d.OrgPath,
        At = now,
        Action = action,
        Level = d.Level,
        UnitName = unitName,
        ActorId = db.Scope.UserId,
        ActorName = actorName ?? (db.Scope.IsSignedIn ? db.Scope.UserName : "系统"),
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
    };

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
