using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>
/// Coverage figures of the tree (source 002: 小区党支部覆盖率, 楼栋长) for targets and leaders. The tree keeps no history, so
/// every figure is today's state whatever the period; places count under the unit that answers for them (their OrgPath), read
/// from the maintained counts (ADR 0026), one query for all the subtrees asked (ADR 0039) and once per request (ADR 0042).
/// </summary>
public sealed class OrgIndicators(PlaceDirectory places) : IIndicatorSource
{
    public const string Compounds = "org.compounds";
    public const string CompoundBranches = "org.compound_branches";
    public const string CompoundBranchRate = "org.compound_branch_rate";
    public const string Grids = "org.grids";
    public const string GridBranches = "org.grid_branches";
    public const string Buildings = "org.buildings";
    public const string BuildingsWithLeader = "org.buildings_with_leader";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Compounds, "小区数", "辖区内登记的小区（院落）数（当前）", "Organizations", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(CompoundBranches, "单独建立党支部的小区数", "本身建有小区党支部的小区数；仅由网格党支部覆盖的不计（当前）", "Organizations", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(CompoundBranchRate, "小区党支部覆盖率", "单独建立党支部的小区数 ÷ 小区数（当前）", "Organizations", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(Grids, "网格数", "辖区内划定的网格数（当前）", "Organizations", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(GridBranches, "建有党支部的网格数", "已建立网格党支部的网格数（当前）", "Organizations", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(Buildings, "楼栋数", "辖区内登记的楼栋数（当前）", "Organizations", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(BuildingsWithLeader, "配有楼栋长的楼栋数", "由在册党员担任楼栋长的楼栋数（当前；未关联党员的旧登记不计）", "Organizations", IndicatorUnit.Count, IndicatorRollup.Sum),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        foreach (var (path, c) in await places.TotalsUnderEachAsync(subtreePaths, ct))
        {
            foreach (var code in codes)
            {
                result[(code, path)] = code switch
                {
                    Compounds => new(c.Compounds),
                    CompoundBranches => new(c.CompoundsWithOwnBranch),
                    CompoundBranchRate => new(c.CompoundsWithOwnBranch, c.Compounds),
                    Grids => new(c.Grids),
                    GridBranches => new(c.GridsWithBranch),
                    Buildings => new(c.Buildings),
                    BuildingsWithLeader => new(c.BuildingsWithLeader),
                    _ => throw new ArgumentOutOfRangeException(nameof(codes), code, "不是组织架构模块的指标"),
                };
            }
        }
        return result;
    }
}
