using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>Organisational life as figures for leaders: meetings held, compliance with the rules, attendance.</summary>
public class OrgLifeIndicators(LianxinDb db, OrgDirectory org) : IIndicatorSource
{
    public const string MeetingsHeld = "orglife.meetings_held";
    public const string ComplianceRate = "orglife.compliance_rate";
    public const string AttendanceRate = "orglife.attendance_rate";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(MeetingsHeld, "组织生活会议召开次数", "区间内各党支部召开并计入的组织生活会议（三会一课、主题党日、组织生活会、民主评议党员）次数；已取消的和未经审核的补录不计。",
            "OrgLife", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(ComplianceRate, "组织生活落实率", "区间内到期的规定会议次数中已按期召开的比例：各支部每个到期周期按规则最低次数计应开次数，实开次数以最低次数为限，比值为实开之和除以应开之和。",
            "OrgLife", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(AttendanceRate, "组织生活参会率", "区间内已召开会议的出席登记中出席和迟到人次占登记人次的比例。",
            "OrgLife", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        // Every branch under the subtrees' common ancestor assessed once (ADR 0039), each subtree the sum of its branches (ADR 0046).
        foreach (var (path, t) in await ComplianceData.TotalsAsync(db, org, subtreePaths, from, to, ct))
        {
            if (codes.Contains(MeetingsHeld)) result[(MeetingsHeld, path)] = new(t.Held);
            if (codes.Contains(ComplianceRate)) result[(ComplianceRate, path)] = new(t.Credited, t.Required);
            if (codes.Contains(AttendanceRate)) result[(AttendanceRate, path)] = new(t.Attended, t.Marked);
        }
        return result;
    }
}
