using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public record StarRow(int Level, int PreviousLevel, StarChange Change, double? Score, string Reason, string By, DateTime At, Guid? RoundId)
{
    public RubricPurpose Programme { get; init; } = RubricPurpose.FiveStar;
    public string ProgrammeName => StarRules.Programme(Programme);
    public string? AwardingBody { get; init; }
}

/// <summary>A unit's current level in each programme it was rated in; <see cref="Level"/> is that of its latest change.</summary>
public record StarStatus(Guid UnitId, int Level, List<StarRow> History)
{
    public IReadOnlyDictionary<RubricPurpose, int> Levels { get; init; } = new Dictionary<RubricPurpose, int>();
}

/// <summary>Removes the stars of one programme (that of the unit's latest change when not named).</summary>
public record RemoveStarRequest(string? Reason, RubricPurpose? Programme = null);

/// <summary>Stars awarded by a higher body (区委组织部 names the year's 五星支部), not earned from a round's score.</summary>
public record AwardStarRequest(RubricPurpose Programme, int Level, string? AwardingBody, string? Reason);

/// <summary>
/// 星级评定 per programme: levels follow published results of the programme's rounds (dynamic exit), are awarded by higher
/// bodies, can be removed by hand with a reason, and keep their history.
/// </summary>
public static class Stars
{
    public static async Task<int> CurrentAsync(LianxinDb db, Guid unitId, RubricPurpose programme, CancellationToken ct) =>
        await db.StarAwards.Where(a => a.UnitId == unitId && a.Programme == programme)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => a.Level).FirstOrDefaultAsync(ct);

    public static async Task ApplyAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, ReviewRound round, RubricPurpose programme,
        List<StarThreshold> thresholds, IEnumerable<(Guid UnitId, string Name, string OrgPath, double Total)> results, CancellationToken ct)
    {
        var now = clock.Now();
        foreach (var (unitId, name, path, total) in results)
        {
            var current = await CurrentAsync(db, unitId, programme, ct);
            var (level, change) = StarRules.Evaluate(thresholds, current, total);
            if (change == StarChange.None) continue;
            var reason = change switch
            {
                StarChange.Lowered => $"“{round.Name}”得分 {total:0.##}，低于 {current} 星门槛，自动降为 {level} 星",
                StarChange.Removed => $"“{round.Name}”得分 {total:0.##}，低于最低星级门槛，自动摘牌",
                _ => $"“{round.Name}”得分 {total:0.##}，评为 {level} 星",
            };
            var award = new StarAward
            {
                UnitId = unitId, Target = round.Target, OrgPath = path, Programme = programme, Level = level, PreviousLevel = current, Change = change,
                RoundId = round.Id, Score = total, Reason = reason, By = "系统", At = now,
            };
            db.StarAwards.Add(award);
            if (change is StarChange.Lowered or StarChange.Removed) await NotifyExitAsync(db, org, clock, award, name, round.Id, ct);
        }
    }

    /// <summary>
    /// 动态退出 is news for the unit and for its street: an outbox row for each, saved with the award itself.
    /// The unit's link is its own star page; the street's is the round's results when a round caused it. A building's news goes
    /// to the unit its compound belongs to, linked to the building's star page.
    /// </summary>
    static async Task NotifyExitAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, StarAward award, string? name, Guid? roundId, CancellationToken ct)
    {
        var units = await org.AncestorsAsync(award.OrgPath, ct);
        var building = award.Target == ReviewTarget.Buildings;
        name ??= units.FirstOrDefault(u => u.Id == award.UnitId)?.DisplayName ?? "";
        var title = award.Change == StarChange.Removed ? $"{name}星级被摘牌" : $"{name}由 {award.PreviousLevel} 星降为 {award.Level} 星";
        var body = roundId is null ? $"手动摘牌（{award.By}），原因：{award.Reason}" : $"原因：{award.Reason}";
        var unitLink = building ? $"/reviews/buildings/{award.UnitId}/stars" : $"/reviews/units/{award.UnitId}/stars";
        var recipient = building ? units.MaxBy(u => u.Path.Length)?.Id : award.UnitId;
        if (recipient is { } to)
            Outbox.Notify(db, clock, new NotificationMessage(title, body, unitLink, "reviews.stars", RecipientUnitId: to, Permission: ReviewPermissions.ReviewView));
        if (units.FirstOrDefault(u => u.Kind == OrgKind.Street && u.Id != recipient) is { } street)
            Outbox.Notify(db, clock, new NotificationMessage(title, body, roundId is { } r ? $"/reviews/rounds/{r}/results" : unitLink, "reviews.stars",
                RecipientUnitId: street.Id, Permission: ReviewPermissions.ReviewView));
    }

    public static async Task<Outcome<StarStatus>> GetAsync(LianxinDb db, OrgDirectory org, Guid unitId, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewView, unit.Path)) return Failure.Forbidden;
        var history = await db.StarAwards.Where(a => a.UnitId == unitId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new StarRow(a.Level, a.PreviousLevel, a.Change, a.Score, a.Reason, a.By, a.At, a.RoundId) { Programme = a.Programme, AwardingBody = a.AwardingBody })
            .ToListAsync(ct);
        return new StarStatus(unitId, history.FirstOrDefault()?.Level ?? 0, history)
        {
            Levels = history.GroupBy(h => h.Programme).ToDictionary(g => g.Key, g => g.First().Level),
        };
    }

    public static async Task<Outcome<StarStatus>> AwardAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, AwardStarRequest r, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewManage, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        if (r.Level is < 1 or > 5) e.Fail("Level", "星级须在 1–5 之间。");
        if (!Enum.IsDefined(r.Programme)) e.Fail("Programme", "没有这个评星项目。");
        e.Required("AwardingBody", r.AwardingBody, "请填写授予单位（如区委组织部）。");
        e.Max("AwardingBody", r.AwardingBody, 100, "授予单位");
        e.Required("Reason", r.Reason, "请填写授予依据（如文件名称）。");
        e.Max("Reason", r.Reason, 500, "授予依据");
        if (e.Any) return Failure.Invalid(e);
        var current = await CurrentAsync(db, unitId, r.Programme, ct);
        if (current == r.Level) return Failure.Conflict($"该单位{StarRules.Programme(r.Programme)}已是 {current} 星。");
        var award = new StarAward
        {
            UnitId = unitId, OrgPath = unit.Path, Programme = r.Programme, Level = r.Level, PreviousLevel = current,
            Change = StarRules.ChangeOf(current, r.Level), AwardingBody = r.AwardingBody!.Trim(), Reason = r.Reason!.Trim(), By = db.Scope.UserName, At = clock.Now(),
        };
        db.StarAwards.Add(award);
        if (award.Change == StarChange.Lowered) await NotifyExitAsync(db, org, clock, award, null, null, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, org, unitId, ct);
    }

    public static async Task<Outcome<StarStatus>> RemoveAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, RemoveStarRequest r, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewManage, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        e.Required("Reason", r.Reason, "请填写摘牌原因。");
        e.Max("Reason", r.Reason, 500, "摘牌原因");
        if (e.Any) return Failure.Invalid(e);
        var programme = r.Programme ?? await db.StarAwards.Where(a => a.UnitId == unitId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => a.Programme).FirstOrDefaultAsync(ct);
        var current = await CurrentAsync(db, unitId, programme, ct);
        if (current == 0) return Failure.Conflict("该单位当前没有星级。");
        var award = new StarAward
        {
            UnitId = unitId, OrgPath = unit.Path, Programme = programme, Level = 0, PreviousLevel = current, Change = StarChange.Removed,
            Reason = r.Reason!.Trim(), By = db.Scope.UserName, At = clock.Now(),
        };
        db.StarAwards.Add(award);
        await NotifyExitAsync(db, org, clock, award, null, null, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, org, unitId, ct);
    }
}
