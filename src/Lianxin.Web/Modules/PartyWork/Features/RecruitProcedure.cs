using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>The district's step list: the stored one, or the published procedure staged for the caller's save the first time.</summary>
public static class RecruitProcedure
{
    public static async Task<IReadOnlyList<RecruitStep>> StepsAsync(LianxinDb db, CancellationToken ct)
    {
        var steps = await db.RecruitSteps.OrderBy(s => s.Seq).ToListAsync(ct);
        if (steps.Count > 0) return steps;
        steps = RecruitRules.Defaults().ToList();
        db.RecruitSteps.AddRange(steps);
        return steps;
    }

    /// <summary>The day each step was taken (the last time, for an extension).</summary>
    public static async Task<Dictionary<string, DateOnly>> DoneAsync(LianxinDb db, Guid recruitId, CancellationToken ct) =>
        (await db.RecruitEntries.AsNoTracking().Where(e => e.RecruitId == recruitId).Select(e => new { e.StepCode, e.On }).ToListAsync(ct))
        .GroupBy(e => e.StepCode).ToDictionary(g => g.Key, g => g.Max(e => e.On));

    /// <summary>Sets what falls due next after a step was recorded.</summary>
    public static void Refresh(IReadOnlyList<RecruitStep> steps, Recruit r, IReadOnlyDictionary<string, DateOnly> done)
    {
        var (code, due) = RecruitRules.Due(steps, r, done);
        r.NextCode = code;
        r.NextDueOn = due;
    }
}
