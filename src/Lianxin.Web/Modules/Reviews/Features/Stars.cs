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

public record StarRow(int Level, int PreviousLevel, StarChange Change, double? Score, string Reason, string By, DateTime At, Guid? RoundId);

public record StarStatus(Guid UnitId, int Level, List<StarRow> History);

public record RemoveStarRequest(string? Reason);

/// <summary>星级评定: levels follow published results (dynamic exit), can be removed by hand with a reason, and keep their history.</summary>
public static class Stars
{
    public static async Task<int> CurrentAsync(LianxinDb db, Guid unitId, CancellationToken ct) =>
        await db.StarAwards.Where(a => a.UnitId == unitId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => a.Level).FirstOrDefaultAsync(ct);

    public static async Task ApplyAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, ReviewRound round, List<StarThreshold> thresholds,
        IEnumerable<(Guid UnitId, string OrgPath, double Total)> results, CancellationToken ct)
    {
        var now = clock.Now();
        foreach (var (unitId, path, total) in results)
        {
            var current = await CurrentAsync(db, unitId, ct);
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
                UnitId = unitId, OrgPath = path, Level = level, PreviousLevel = current, Change = change, RoundId = round.Id,
                Score = total, Reason = reason, By = "系统", At = now,
            };
            db.StarAwards.Add(award);
            if (change is StarChange.Lowered or StarChange.Removed) await NotifyExitAsync(db, org, clock, award, round.Id, ct);
        }
    }

    /// <summary>
    /// 动态退出 is news for the unit and for its street: an outbox row for each, saved with the award itself.
    /// The unit's link is its own star page; the street's is the round's results when a round caused it.
    /// </summary>
    static async Task NotifyExitAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, StarAward award, Guid? roundId, CancellationToken ct)
    {
        var units = await org.AncestorsAsync(award.OrgPath, ct);
        var name = units.FirstOrDefault(u => u.Id == award.UnitId)?.DisplayName ?? "";
        var title = award.Change == StarChange.Removed ? $"{name}星级被摘牌" : $"{name}由 {award.PreviousLevel} 星降为 {award.Level} 星";
        var body = roundId is null ? $"手动摘牌（{award.By}），原因：{award.Reason}" : $"原因：{award.Reason}";
        var unitLink = $"/reviews/units/{award.UnitId}/stars";
        Outbox.Notify(db, clock, new NotificationMessage(title, body, unitLink, "reviews.stars", RecipientUnitId: award.UnitId, Permission: ReviewPermissions.ReviewView));
        if (units.FirstOrDefault(u => u.Kind == OrgKind.Street && u.Id != award.UnitId) is { } street)
            Outbox.Notify(db, clock, new NotificationMessage(title, body, roundId is { } r ? $"/reviews/rounds/{r}/results" : unitLink, "reviews.stars",
                RecipientUnitId: street.Id, Permission: ReviewPermissions.ReviewView));
    }

    public static async Task<Outcome<StarStatus>> GetAsync(LianxinDb db, OrgDirectory org, Guid unitId, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewView, unit.Path)) return Failure.Forbidden;
        var history = await db.StarAwards.Where(a => a.UnitId == unitId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new StarRow(a.Level, a.PreviousLevel, a.Change, a.Score, a.Reason, a.By, a.At, a.RoundId)).ToListAsync(ct);
        return new StarStatus(unitId, history.FirstOrDefault()?.Level ?? 0, history);
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
        var current = await CurrentAsync(db, unitId, ct);
        if (current == 0) return Failure.Conflict("该单位当前没有星级。");
        var award = new StarAward
        {
            UnitId = unitId, OrgPath = unit.Path, Level = 0, PreviousLevel = current, Change = StarChange.Removed,
            Reason = r.Reason!.Trim(), By = db.Scope.UserName, At = clock.Now(),
        };
        db.StarAwards.Add(award);
        await NotifyExitAsync(db, org, clock, award, null, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, org, unitId, ct);
    }
}
