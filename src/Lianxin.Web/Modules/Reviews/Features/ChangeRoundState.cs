using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public record StateRequest(int Version);

public record RoundSaved(Guid Id, RoundState State, int Version);

/// <summary>draft → open (rubric frozen, one sheet per reviewer × unit) → closed → published (results, ranks, stars). Closed can reopen.</summary>
public static class ChangeRoundState
{
    public static async Task<Outcome<RoundSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, RoundState to, StateRequest r, CancellationToken ct)
    {
        var round = await db.RoundAsync(id, ct);
        if (round is null) return Failure.NotFound;
        if (!db.Coordinates(round)) return Failure.Forbidden;
        if (round.Version != r.Version) return Failure.Stale;
        if (ReviewFlow.CheckRound(round.State, to) is { } why) return Failure.Conflict(why);
        var now = clock.Now();

        if (to == RoundState.Open && round.State == RoundState.Draft)
        {
            var rubric = await db.Rubrics.FirstAsync(x => x.Id == round.RubricId, ct);
            rubric.Frozen = true;
            var units = await db.RoundUnits.Where(u => u.RoundId == id).ToListAsync(ct);
            var panel = await db.Panelists.Where(p => p.RoundId == id).ToListAsync(ct);
            foreach (var u in units)
                foreach (var p in panel)
                    db.ScoreSheets.Add(new ScoreSheet { RoundId = id, UnitId = u.UnitId, ReviewerId = p.UserId, OrgPath = u.OrgPath, UpdatedAt = now });
        }
        if (to == RoundState.Published)
        {
            if (!await db.ScoreSheets.AnyAsync(s => s.RoundId == id && s.State == SheetState.Submitted, ct))
                return Failure.Conflict("还没有评委提交评分表，不能发布结果。");
            await ReviewResults.StoreAsync(db, org, clock, round, ct);
            round.PublishedAt = now;
        }
        round.State = to;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new RoundSaved(round.Id, round.State, round.Version);
    }
}
