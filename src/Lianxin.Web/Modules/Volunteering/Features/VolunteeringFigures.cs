using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>One line of figures: activities held, distinct people with confirmed hours, hours, and people who served twice or more.</summary>
public record FigureLine(string Name, int Activities, int People, decimal Hours, int Repeat);
public record FiguresReport(DateOnly From, DateOnly To, FigureLine Total, IReadOnlyList<FigureLine> ByUnit, IReadOnlyList<FigureLine> ByTeam);

/// <summary>Figures of the caller's subtrees for a period (Beijing days), per community and per team.</summary>
public static class VolunteeringFigures
{
    /// <summary>A person across rows: their account, else their roster entry, else their name (residents entered by name).</summary>
    public static string PersonKey(Guid? userId, Guid? memberId, string name) => userId?.ToString() ?? memberId?.ToString() ?? "name:" + name;

    public record Served(Guid ActivityId, string OrgPath, string Person, int Minutes);

    public static FigureLine Line(string name, int activities, IEnumerable<Served> served)
    {
        var list = served.ToList();
        var byPerson = list.GroupBy(s => s.Person).ToList();
        return new FigureLine(name, activities, byPerson.Count, Math.Round(list.Sum(s => s.Minutes) / 60m, 1), byPerson.Count(g => g.Count() >= 2));
    }

    public static async Task<Outcome<FiguresReport>> HandleAsync(LianxinDb db, OrgDirectory org, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(VolunteeringPermissions.View)) return Failure.Forbidden;
        if (to < from) return Failure.Invalid("To", "结束日期不能早于开始日期。");
        if (to.DayNumber - from.DayNumber > MyRecord.MaxDays) return Failure.Invalid("From", "一次最多统计三年。");
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        var activities = await db.Activities.AsNoTracking().Where(a => a.StartsAt >= start && a.StartsAt < end)
            .Select(a => new { a.Id, a.OrgPath, a.UnitId, a.TeamId }).ToListAsync(ct);
        var served = (await db.Signups.AsNoTracking().Where(s => s.ConfirmedMinutes != null && s.Day >= from && s.Day <= to)
                .Select(s => new { s.ActivityId, s.OrgPath, s.UserId, s.MemberId, s.Name, Minutes = s.ConfirmedMinutes!.Value }).ToListAsync(ct))
            .Select(s => new Served(s.ActivityId, s.OrgPath, PersonKey(s.UserId, s.MemberId, s.Name), s.Minutes)).ToList();
        var units = await org.NamesAsync(activities.Select(a => a.UnitId).Distinct().ToList(), ct);
        var byUnit = activities.GroupBy(a => a.UnitId).Select(g =>
        {
            var ids = g.Select(a => a.Id).ToHashSet();
            return Line(units.GetValueOrDefault(g.Key, "—"), g.Count(), served.Where(s => ids.Contains(s.ActivityId)));
        }).OrderByDescending(l => l.Hours).ToList();
        var teamIds = activities.Where(a => a.TeamId != null).Select(a => a.TeamId!.Value).Distinct().ToList();
        var teams = await db.VolunteerTeams.AcrossScope().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var byTeam = activities.Where(a => a.TeamId != null).GroupBy(a => a.TeamId!.Value).Select(g =>
        {
            var ids = g.Select(a => a.Id).ToHashSet();
            return Line(teams.GetValueOrDefault(g.Key, "—"), g.Count(), served.Where(s => ids.Contains(s.ActivityId)));
        }).OrderByDescending(l => l.Hours).ToList();
        return new FiguresReport(from, to, Line("合计", activities.Count, served), byUnit, byTeam);
    }
}
