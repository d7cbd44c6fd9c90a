using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>Training as a figure for leaders: 培训全覆盖, the share of a unit's members trained at least once in the period.</summary>
public class TrainingIndicators(LianxinDb db, MemberDirectory members) : IIndicatorSource
{
    public const string Coverage = "orglife.training_coverage";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Coverage, "党员培训覆盖率", "期末在册党员中，期内至少参加（签到）一次培训或月练兵的人数所占比例：分子为其中已签到的人数，分母为期末在册党员数；在哪一级组织的培训签到都计入。",
            "OrgLife", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (!codes.Contains(Coverage)) return result;
        var trained = await GetTrainingCoverage.TrainedAsync(db, from, to, ct);
        foreach (var (path, (n, d)) in await GetTrainingCoverage.CountEachAsync(members, subtreePaths, to, trained, ct))
            result[(Coverage, path)] = new(n, d);
        return result;
    }
}
