using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>
/// The volunteering figures leaders read: activities held, confirmed hours, and people who served, per subtree and period.
/// People are counted once per subtree (one read over the whole subtree), so someone who served in two communities is one
/// person at their street: the indicator says <see cref="IndicatorRollup.Distinct"/>, and no caller may add its children up.
/// </summary>
public class VolunteeringIndicators(LianxinDb db) : IIndicatorSource
{
    public const string ActivitiesCode = "volunteering.activities";
    public const string HoursCode = "volunteering.hours";
    public const string VolunteersCode = "volunteering.volunteers";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(ActivitiesCode, "志愿服务活动数", "期内开始（北京时间）的志愿服务活动场次，按活动所属社区计。", "Volunteering", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(HoursCode, "志愿服务时长", "期内活动中经组织者确认的服务时长合计（小时），按活动所属社区计。", "Volunteering", IndicatorUnit.Hours, IndicatorRollup.Sum),
        new(VolunteersCode, "参与志愿服务人数", "期内有经确认服务时长的志愿者人数（同一人多次参加计一人；有账号的按账号、党员按名册、其他按姓名区分）。上级单位的人数按其全部下级去重计，不是下级人数之和。",
            "Volunteering", IndicatorUnit.Count, IndicatorRollup.Distinct),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        // One read per figure for every subtree asked (ADR 0039), the rows added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        if (codes.Contains(ActivitiesCode))
        {
            var activities = await db.Activities.AcrossScope().Where(a => a.OrgPath.StartsWith(root) && a.StartsAt >= start && a.StartsAt < end)
                .GroupBy(a => a.OrgPath).Select(g => new { Path = g.Key, N = g.Count() }).ToListAsync(ct);
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, activities, a => a.Path, a => a.Sum(x => x.N)))
                result[(ActivitiesCode, path)] = new(n);
        }
        if (!codes.Contains(HoursCode) && !codes.Contains(VolunteersCode)) return result;
        var served = await db.Signups.AcrossScope().AsNoTracking()
            .Where(s => s.OrgPath.StartsWith(root) && s.ConfirmedMinutes != null && s.Day >= from && s.Day <= to)
            .Select(s => new { s.OrgPath, s.UserId, s.MemberId, s.Name, Minutes = s.ConfirmedMinutes!.Value }).ToListAsync(ct);
        foreach (var (path, mine) in SubtreeSums.PerRoot(subtreePaths, served, s => s.OrgPath, s => s.ToList()))
        {
            if (codes.Contains(HoursCode)) result[(HoursCode, path)] = new(Math.Round(mine.Sum(s => s.Minutes) / 60m, 2));
            if (codes.Contains(VolunteersCode))
                result[(VolunteersCode, path)] = new(mine.Select(s => VolunteeringFigures.PersonKey(s.UserId, s.MemberId, s.Name)).Distinct().Count());
        }
        return result;
    }
}
