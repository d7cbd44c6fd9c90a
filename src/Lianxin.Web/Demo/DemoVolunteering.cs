using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// 志愿服务 in 和平社区: a 党员先锋队 and a 志愿服务队, a month of activities (巡防, 环境整治, 爱心互助, 宣传) with sign-ups,
/// check-ins and confirmed hours (the demo "resident" 王秀英 and "member" 李建华 among them, so the points bank and the 双报告
/// have hours to show), and three upcoming activities to sign up for. Everything goes through the module's use cases, each
/// on a clock set to the moment it would have happened.
/// </summary>
public static class DemoVolunteering
{
    sealed class At(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    record Plan(int DaysAgo, string Title, ActivityKind Kind, string Place, int Hour, int Hours, int Capacity, bool Vanguard, string? Skills = null);

    static readonly Plan[] Past =
    [
        new(29, "和平里小区夜间安全巡防", ActivityKind.Patrol, "和平里小区南门", 19, 2, 8, true),
        new(26, "背街小巷环境卫生大扫除", ActivityKind.Environment, "和平路 30–60 号背街", 8, 3, 15, false),
        new(22, "独居老人上门探访", ActivityKind.MutualAid, "和平社区党群服务中心集合", 14, 2, 6, true),
        new(19, "反诈宣传进小区", ActivityKind.Publicity, "和平里小区中心广场", 9, 2, 10, false),
        new(15, "家电义务维修", ActivityKind.Skills, "和平社区党群服务中心一楼", 9, 3, 5, true, "家电维修"),
        new(12, "和平里小区夜间安全巡防", ActivityKind.Patrol, "和平里小区南门", 19, 2, 8, true),
        new(8, "河道沿线垃圾清理", ActivityKind.Environment, "和平河沿岸步道", 8, 2, 12, false),
        new(4, "垃圾分类宣传与桶边督导", ActivityKind.Publicity, "和平里小区 3 号投放点", 7, 2, 6, false),
    ];

    static readonly Plan[] Upcoming =
    [
        new(-3, "周末亲子环境整治", ActivityKind.Environment, "和平公园东门", 9, 2, 20, false),
        new(-5, "和平里小区夜间安全巡防", ActivityKind.Patrol, "和平里小区南门", 19, 2, 2, true),
        new(-9, "爱心理发进社区", ActivityKind.MutualAid, "和平社区党群服务中心", 9, 3, 4, false, "理发"),
    ];

    static readonly string[] Residents = ["张桂兰", "刘建国", "陈美华", "赵志刚", "周小燕", "吴海波"];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var members = sp.GetRequiredService<MemberDirectory>();
        var codes = sp.GetRequiredService<ScanCodes>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ct = CancellationToken.None;
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var roster = (await members.RosterAsync(community.Path, ct)).Take(8).ToList();
        var people = await db.Users.Where(u => u.UserName == "resident" || u.UserName == "member").ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var volunteers = new List<Volunteer>();
        foreach (var name in new[] { "resident", "member" })
            if (people.TryGetValue(name, out var id))
            {
                var member = await members.OfUserInDistrictAsync(id, ct);
                var display = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstAsync(ct);
                volunteers.Add(new Volunteer(id, member?.Name ?? display.Split(' ').Last(), member?.Id));
            }

        var created = new At(now.AddDays(-40));
        var vanguard = Ok(await CreateTeam.HandleAsync(db, org, created, new TeamInput
        {
            UnitId = community.Id, Name = "和平社区党员先锋队", Kind = TeamKind.PartyVanguard, LeaderName = roster.FirstOrDefault()?.Name ?? "张文静",
            Description = "在职党员与社区党员组成，承担夜间巡防、独居老人探访和技能服务。",
        }, ct), "党员先锋队").Id;
        var team = Ok(await CreateTeam.HandleAsync(db, org, created, new TeamInput
        {
            UnitId = community.Id, Name = "和平社区“邻里帮”志愿服务队", Kind = TeamKind.Volunteer, LeaderName = "冯秀兰", Description = "居民志愿者为主，环境整治与宣传。",
        }, ct), "志愿服务队").Id;
        foreach (var m in roster) Ok(await AddTeamMember.HandleAsync(db, members, created, vanguard, new TeamMemberInput { MemberId = m.Id }, ct), m.Name);
        foreach (var r in Residents) Ok(await AddTeamMember.HandleAsync(db, members, created, team, new TeamMemberInput { Name = r }, ct), r);
        Ok(await AddTeamMember.HandleAsync(db, members, created, team, new TeamMemberInput { UserName = "resident" }, ct), "resident");

        var i = 0;
        foreach (var p in Past)
        {
            var (start, end) = Times(now, p);
            var id = await ActivityAsync(db, org, community.Id, p.Vanguard ? vanguard : team, p, start, start.AddDays(-7), ct);
            // Each activity: the two demo accounts on alternate ones, then roster members or residents entered on site.
            foreach (var v in volunteers.Where((_, k) => (i + k) % 2 == 0))
                Ok(await SignUp.HandleAsync(db, new At(start.AddDays(-2)), id, v, ct), v.Name);
            var onSite = p.Vanguard
                ? roster.Skip(i % 3).Take(Math.Min(3, roster.Count)).Select(m => new AddAttendeeRequest { MemberId = m.Id })
                : Residents.Skip(i % 4).Take(3).Select(n => new AddAttendeeRequest { Name = n });
            foreach (var a in onSite) Ok(await AddAttendee.HandleAsync(db, members, new At(start.AddMinutes(-20)), id, a, ct), a.Name ?? "党员");
            var attendees = Ok(await GetActivity.HandleAsync(db, org, codes, id, ct), p.Title).Attendees.Where(a => a.Status == SignupStatus.Confirmed);
            var late = 0;
            foreach (var s in attendees.Select(a => a.Id))
            {
                Ok(await CheckIn.HandleAsync(db, new At(start.AddMinutes(-10 + 7 * late)), s, false, ct), "签到");
                var left = Ok(await CheckIn.HandleAsync(db, new At(end.AddMinutes(late++ % 2 == 0 ? 5 : -15)), s, true, ct), "签退");
                Ok(await ConfirmHours.HandleAsync(db, new At(end.AddHours(3)), s, new ConfirmHoursRequest { Version = left.Version }, ct), "确认时长");
            }
            i++;
        }
        foreach (var p in Upcoming)
        {
            var (start, _) = Times(now, p);
            var id = await ActivityAsync(db, org, community.Id, p.Vanguard ? vanguard : team, p, start, now.AddDays(-1), ct);
            // The small patrol is full, so the demo shows a waiting list; the resident is left free to sign up for the others.
            if (p.Capacity == 2)
                foreach (var m in roster.Take(2)) Ok(await AddAttendee.HandleAsync(db, members, new At(now), id, new AddAttendeeRequest { MemberId = m.Id }, ct), m.Name);
            if (volunteers.FirstOrDefault(v => v.MemberId is not null) is { } member && p.Capacity == 20)
                Ok(await SignUp.HandleAsync(db, new At(now), id, member, ct), member.Name);
        }
    }

    static (DateTime Start, DateTime End) Times(DateTime now, Plan p)
    {
        var day = DateOnly.FromDateTime(ChinaTime.ToBeijing(now)).AddDays(-p.DaysAgo);
        var start = ChinaTime.ToUtc(day, new TimeOnly(p.Hour, 0));
        return (start, start.AddHours(p.Hours));
    }

    static async Task<Guid> ActivityAsync(LianxinDb db, OrgDirectory org, Guid unitId, Guid teamId, Plan p, DateTime start, DateTime publishedAt, CancellationToken ct)
    {
        var beijing = ChinaTime.ToBeijing(start);
        return Ok(await CreateActivity.HandleAsync(db, org, new At(publishedAt), new ActivityInput
        {
            UnitId = unitId, TeamId = teamId, Title = p.Title, Kind = p.Kind, Place = p.Place, Day = DateOnly.FromDateTime(beijing),
            From = TimeOnly.FromDateTime(beijing), To = TimeOnly.FromDateTime(beijing.AddHours(p.Hours)), Capacity = p.Capacity, Skills = p.Skills,
        }, ct), p.Title).Id;
    }

    static T Ok<T>(Outcome<T> o, string what) =>
        o.IsOk ? o.Value! : throw new InvalidOperationException($"演示志愿服务 {what}：{o.Message ?? string.Join("；", o.Errors?.SelectMany(e => e.Value) ?? [])}");
}
