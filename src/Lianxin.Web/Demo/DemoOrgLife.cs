using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Demo;

/// <summary>
/// A year of organisational life in 东湖街道 with the gaps the sources complain of (002: "组织生活有欠账"): most branches
/// keep to the rules, a few skip committee meetings, one never gives a 党课, one stopped for three months, some entries
/// were made late. Attendance is marked in 和平社区 and 幸福社区, checked against the roster on each day; one member of the
/// first grid branch has missed the last three meetings. That branch also has two meetings planned (its calendar feed).
/// </summary>
public static class DemoOrgLife
{
    static readonly string[] Topics =
    [
        "学习贯彻党的二十届三中全会精神", "学习《中国共产党纪律处分条例》", "党员先锋岗认岗领责", "我为群众办实事 进网格",
        "垃圾分类 党员先行", "老旧小区改造意见征集", "防汛防台 党员在行动", "学习习近平总书记关于基层治理的重要论述",
        "红色物业 共建共享", "关爱独居老人 结对帮扶", "文明城市创建", "平安社区建设",
    ];
    static readonly string[] Extras = ["走访困难党员", "楼道清洁", "政策宣讲进小区", "为老人义务理发", "红色观影", "邻里议事"];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var members = sp.GetRequiredService<MemberDirectory>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = clock.Today();
        var tenant = g.District.TenantId;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var marked = new HashSet<Guid> { DemoDistrict.Place(g, DemoPlace.Community).Id, DemoDistrict.Place(g, DemoPlace.NeighbourCommunity).Id };
        var firstGrid = DemoDistrict.Place(g, DemoPlace.GridBranch);
        // The generator's order, not the paths': paths hold ids new in every seed, and the random habits below must fall on
        // the same meetings every time (the permission matrix and the compliance tests read them).
        var branches = g.Units.Where(u => u.Kind == OrgKind.Branch && u.Path.StartsWith(street.Path)).ToList();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        var meetings = new List<Meeting>();
        var attendance = new List<MeetingAttendance>();
        var rnd = new Random(2026);

        for (var i = 0; i < branches.Count; i++)
        {
            var b = branches[i];
            var host = g.Positions.FirstOrDefault(p => p.OrgUnitId == b.Id && p.Title == "书记")?.PersonName ?? "支部书记";
            var place = b.BranchKind == BranchKind.Agency ? "街道机关三楼会议室" : "社区党群服务中心";
            // Branch habits: 1 in 5 skips committee meetings now and then, the 4th never gives a 党课, the 7th stopped for three months.
            var sloppy = i % 5 == 2;
            var noLectures = i == 3;
            var lapseFrom = i == 6 ? first.AddMonths(6) : DateOnly.MaxValue;
            var hasMarks = g.Units.Any(c => marked.Contains(c.Id) && b.Path.StartsWith(c.Path));

            void Add(MeetingKind kind, DateOnly day, int hour, int minutes, string topic)
            {
                if (day >= today || (day >= lapseFrom && day < lapseFrom.AddMonths(3))) return;
                var starts = ChinaTime.ToUtc(day, new TimeOnly(hour, 0));
                var late = rnd.Next(25) == 0;
                var recorded = late ? starts.AddDays(12) : starts.AddHours(3);
                var m = new Meeting
                {
                    TenantId = tenant, BranchId = b.Id, OrgPath = b.Path, Kind = kind, Mode = rnd.Next(12) == 0 ? MeetingMode.Online : MeetingMode.OnSite,
                    HeldOn = day, StartsAt = starts, EndsAt = starts.AddMinutes(minutes), Place = place, Host = host, Topic = topic,
                    Agenda = "1. 学习有关文件精神\n2. 通报支部近期工作\n3. 讨论下一步安排", Minutes = $"{host}主持会议，与会党员围绕“{topic}”交流发言。",
                    Decisions = kind is MeetingKind.BranchCommittee or MeetingKind.BranchAssembly ? "会议议定事项按分工抓好落实。" : null,
                    LateEntry = late, LateApprovedAt = late && rnd.Next(2) == 0 ? recorded.AddDays(2) : null, LateApprovedBy = late ? "street" : null,
                    CreatedAt = recorded, UpdatedAt = recorded, CreatedBy = "system",
                };
                if (late && m.LateApprovedAt is null) m.LateApprovedBy = null;
                if (kind == MeetingKind.PartyDay)
                {
                    m.PartyDayItems = string.Join('\n', RuleBook.DefaultPartyDayItems.Where(_ => rnd.Next(8) != 0));
                    m.PartyDayExtras = string.Join('\n', Extras.OrderBy(_ => rnd.Next()).Take(rnd.Next(1, 3)));
                }
                meetings.Add(m);
            }

            for (var month = first; month < today; month = month.AddMonths(1))
            {
                var topic = Topics[(month.Month + i) % Topics.Length];
                if (!sloppy || rnd.Next(3) != 0) Add(MeetingKind.BranchCommittee, month.AddDays(2 + rnd.Next(4)), 19, 60, $"研究{month.Month}月支部工作");
                if (rnd.Next(10) != 0) Add(MeetingKind.GroupMeeting, month.AddDays(8 + rnd.Next(4)), 19, 60, $"党小组学习：{topic}");
                if (rnd.Next(15) != 0) Add(MeetingKind.PartyDay, month.AddDays(14), 9, 120, topic);
                if (month.Month % 3 == 0) Add(MeetingKind.BranchAssembly, month.AddDays(19), 15, 90, $"{(month.Month + 2) / 3}季度支部党员大会");
                if (month.Month % 3 == 2 && !noLectures) Add(MeetingKind.PartyLecture, month.AddDays(24), 15, 90, $"书记讲党课：{topic}");
                if (month.Month == 1)
                {
                    Add(MeetingKind.LifeMeeting, month.AddDays(20), 14, 150, $"{month.Year - 1}年度组织生活会");
                    Add(MeetingKind.MemberAppraisal, month.AddDays(20), 17, 60, $"{month.Year - 1}年度民主评议党员");
                }
            }
            if (b.Id == firstGrid.Id)
            {
                var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
                foreach (var (kind, day, topic) in new[] { (MeetingKind.BranchCommittee, next.AddDays(2), "研究下月支部工作"), (MeetingKind.PartyDay, next.AddDays(14), "岁末寒冬送温暖") })
                {
                    var starts = ChinaTime.ToUtc(day, new TimeOnly(kind == MeetingKind.PartyDay ? 9 : 19, 0));
                    var now = clock.GetUtcNow().UtcDateTime;
                    meetings.Add(new Meeting
                    {
                        TenantId = tenant, BranchId = b.Id, OrgPath = b.Path, Kind = kind, HeldOn = day, StartsAt = starts, EndsAt = starts.AddMinutes(90),
                        Place = place, Host = host, Topic = topic, CreatedAt = now, UpdatedAt = now, CreatedBy = "grid",
                    });
                }
            }
            if (!hasMarks) continue;

            // Attendance of the meetings every member attends, against the roster of that day.
            var truant = (Guid?)null;
            var attended = meetings.Where(m => m.BranchId == b.Id && m.StartsAt < clock.GetUtcNow().UtcDateTime
                && m.Kind is MeetingKind.BranchAssembly or MeetingKind.PartyDay or MeetingKind.PartyLecture or MeetingKind.LifeMeeting).OrderBy(m => m.StartsAt).ToList();
            for (var k = 0; k < attended.Count; k++)
            {
                var m = attended[k];
                var roster = (await members.ManyInDistrictAsync(await members.OrgLifeAttendeesOnAsync(b.Path, m.HeldOn, CancellationToken.None), CancellationToken.None))
                    .OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
                if (b.Id == firstGrid.Id) truant ??= roster.LastOrDefault()?.Id;
                foreach (var who in roster)
                {
                    var roll = rnd.Next(100);
                    var state = who.Id == truant && k >= attended.Count - 3 ? AttendanceState.Absent
                        : roll < 8 ? AttendanceState.Leave : roll < 12 ? AttendanceState.OnDuty : roll < 16 ? AttendanceState.Late : roll < 18 ? AttendanceState.Absent : AttendanceState.Present;
                    attendance.Add(new MeetingAttendance { TenantId = tenant, MeetingId = m.Id, OrgPath = b.Path, MemberId = who.Id, MemberName = who.Name, HeldOn = m.HeldOn, State = state });
                }
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Meetings.AddRange(meetings);
        db.MeetingAttendance.AddRange(attendance);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
