using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>People in the recruiting pipeline at each stage at the end of the period, rebuilt from the dated steps.</summary>
public class PartyWorkIndicators(LianxinDb db) : IIndicatorSource
{
    public static readonly IReadOnlyDictionary<string, RecruitStage> Stages = new Dictionary<string, RecruitStage>
    {
        ["partywork.applicants"] = RecruitStage.Applicant,
        ["partywork.activists"] = RecruitStage.Activist,
        ["partywork.candidates"] = RecruitStage.Candidate,
        ["partywork.probationary"] = RecruitStage.Probationary,
    };

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new("partywork.applicants", "入党申请人数", "期末已递交入党申请、尚未确定为入党积极分子的人数", "PartyWork", IndicatorUnit.Count, IndicatorRollup.Latest),
        new("partywork.activists", "入党积极分子数", "期末处于入党积极分子阶段（尚未列为发展对象）的人数", "PartyWork", IndicatorUnit.Count, IndicatorRollup.Latest),
        new("partywork.candidates", "发展对象数", "期末已列为发展对象、上级党委尚未审批接收的人数", "PartyWork", IndicatorUnit.Count, IndicatorRollup.Latest),
        new("partywork.probationary", "预备党员数", "期末经上级党委审批接收、尚未转正或取消资格的预备党员人数", "PartyWork", IndicatorUnit.Count, IndicatorRollup.Latest),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var roots = subtreePaths.ToList();
        var entries = await db.RecruitEntries.AsNoTracking().Where(e => e.On <= to && roots.Any(p => e.OrgPath.StartsWith(p)))
            .Select(e => new { e.RecruitId, e.OrgPath, e.StepCode, e.On, e.RecordedAt }).ToListAsync(ct);
        var stageOf = (await RecruitProcedure.StepsAsync(db, ct)).ToDictionary(s => s.Code, s => s.Stage);
        // Each person's stage on the day: their last step by then; a cancellation takes them out of every stage.
        var people = entries.GroupBy(e => e.RecruitId)
            .Select(g => g.OrderBy(e => e.On).ThenBy(e => e.RecordedAt).Last(e => e.StepCode != RecruitRules.Extend))
            .Where(e => e.StepCode != RecruitRules.Cancel && stageOf.ContainsKey(e.StepCode))
            .Select(e => (e.OrgPath, Stage: stageOf[e.StepCode])).ToList();
        var result = new Dictionary<(string, string), IndicatorValue>();
        foreach (var code in codes.Where(Stages.ContainsKey))
            foreach (var path in roots)
                result[(code, path)] = new IndicatorValue(people.Count(p => p.Stage == Stages[code] && p.OrgPath.StartsWith(path, StringComparison.Ordinal)));
        return result;
    }
}
