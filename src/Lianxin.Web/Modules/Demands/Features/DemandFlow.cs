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
        WorkingCalendar calendar, CancellationToken ct) =>
        MoveTo(d, level, state, now, calendar, await MoveLookups.ReadAsync(db, org, [(d, level)], ct));

    /// <summary><see cref="MoveToAsync"/> with what it reads already read, for a batch of demands (the escalation job).</summary>
    public static OrgUnitRef MoveTo(Demand d, DemandLevel level, DemandState state, DateTime now, WorkingCalendar calendar, MoveLookups lookups)
    {
        var unitId = UnitAt(d, level) ?? d.CommunityId;
        var unit = lookups.Units.GetValueOrDefault(unitId) ?? throw new InvalidOperationException($"Unit {unitId} of demand {d.TicketNo} is missing.");
        var settings = lookups.Settings.GetValueOrDefault(d.StreetId) ?? new DemandStreetSettings { StreetId = d.StreetId };
        var limit = lookups.Categories.GetValueOrDefault(d.CategoryId)?.LimitAt(level, settings.ExtraResolveDaysPerLevel) ?? new TimeLimit(8, 5);
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

/// <summary>
/// What moving demands to other levels reads: the units they go to, their categories, their streets' settings, in three
/// reads for a whole batch rather than three per demand (the escalation job's N+1, ADR 0056).
/// </summary>
public sealed record MoveLookups(IReadOnlyDictionary<Guid, OrgUnitRef> Units, IReadOnlyDictionary<Guid, DemandCategory> Categories,
    IReadOnlyDictionary<Guid, DemandStreetSettings> Settings)
{
    public static async Task<MoveLookups> ReadAsync(LianxinDb db, OrgDirectory org, IReadOnlyCollection<(Demand Demand, DemandLevel To)> moves, CancellationToken ct)
    {
        if (moves.Count == 0) return new(new Dictionary<Guid, OrgUnitRef>(), new Dictionary<Guid, DemandCategory>(), new Dictionary<Guid, DemandStreetSettings>());
        // Up the levels, whoever acts: the unit above may lie outside the caller's (or the system's) scope.
        var units = await org.ManyAsync(moves.Select(m => DemandFlow.UnitAt(m.Demand, m.To) ?? m.Demand.CommunityId), ct);
        var categoryIds = moves.Select(m => m.Demand.CategoryId).Distinct().ToList();
        var categories = await db.DemandCategories.AcrossScope().AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToListAsync(ct);
        var streetIds = moves.Select(m => m.Demand.StreetId).Distinct().ToList();
        var settings = await db.DemandStreetSettings.AcrossScope().AsNoTracking().Where(s => streetIds.Contains(s.StreetId)).ToListAsync(ct);
        return new(units.ToDictionary(u => u.Id), categories.ToDictionary(c => c.Id), settings.ToDictionary(s => s.StreetId));
    }
}
