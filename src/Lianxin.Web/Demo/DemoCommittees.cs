using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.PartyWork.Features.Committees;
using Lianxin.Web.Modules.PartyWork.Features.Rectification;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Demo;

/// <summary>
/// 支部班子与换届 and 整顿提升 in 东湖街道, through the module's own use cases: every branch and community party committee elected at
/// some time in the last five years (so some terms end within 3 or 6 months, one has already ended), one branch re-elected with its
/// earlier term in the history, a secretary who moved away (书记空缺), 和平社区's 居委会, reserve cadres, and two branches under
/// rectification (one exited last year).
/// </summary>
public static class DemoCommittees
{
    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var members = sp.GetRequiredService<MemberDirectory>();
        var ct = CancellationToken.None;
        var today = clock.Today();
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        // In generation order, as DemoDistrict.Place counts them (和平社区 first, 幸福社区 second).
        var communities = g.Units.Where(u => u.ParentId == street.Id && u.Kind == OrgKind.Community).ToList();
        var rnd = new Random(2019);

        static void Ok<T>(Outcome<T> o, string what)
        {
            if (!o.IsOk) throw new InvalidOperationException($"演示{what}：{o.Message ?? string.Join("；", o.Errors!.SelectMany(e => e.Value))}");
        }

        async Task<ElectionSaved> Elect(Guid unitId, string path, CommitteeKind kind, DateOnly on, string[]? residents = null)
        {
            var roster = await members.RosterAsync(path, ct);
            var posts = kind == CommitteeKind.CommunityParty ? new[] { "secretary", "deputy", "organization", "propaganda", "discipline" } : ["secretary", "organization", "propaganda"];
            var seats = kind.IsParty()
                ? roster.OrderBy(_ => rnd.Next()).Take(posts.Length).Select((m, i) => new SeatInput { Post = posts[i], MemberId = m.Id }).ToList()
                : residents!.Select((n, i) => new SeatInput { Post = i == 0 ? "director" : i == 1 ? "deputy_director" : "member", Name = n }).ToList();
            var eligible = Math.Max(roster.Count, seats.Count + 2);
            var present = eligible - (eligible >= 10 ? 1 : 0);
            foreach (var s in seats) s.Votes = present - rnd.Next(0, 2);
            var saved = await RecordElection.HandleAsync(db, org, members, clock, unitId, new ElectionInput
            {
                Kind = kind, HeldOn = on, Meeting = kind.IsParty() ? (kind == CommitteeKind.CommunityParty ? "党员代表大会" : "党员大会") : "居民代表会议",
                Eligible = kind.IsParty() ? eligible : 86, Present = kind.IsParty() ? present : 79, Seats = seats,
                Note = kind.IsParty() ? "差额选举，街道党工委派员指导。" : null,
            }, ct);
            Ok(saved, $"换届选举 {kind.Chinese()}");
            return saved.Value!;
        }

        var ended = today.AddYears(-5).AddDays(-25);
        var withinThree = today.AddYears(-5).AddMonths(2);
        var withinSix = today.AddYears(-5).AddMonths(5);
        var i = 0;
        foreach (var (c, ci) in communities.Select((c, ci) => (c, ci)))
        {
            await Elect(c.Id, c.Path, CommitteeKind.CommunityParty, ci == 0 ? withinSix : today.AddYears(-5).AddMonths(7 + ci * 3));
            foreach (var b in g.Units.Where(u => u.ParentId == c.Id && u.Kind == OrgKind.Branch))
            {
                // Most branches elected in the 2021 round; every seventh a year later, a few in the months now coming up.
                var on = (i % 11) switch
                {
                    3 => withinThree,
                    5 => withinSix.AddDays(10),
                    7 => ended,
                    _ => today.AddYears(-(i % 7 == 0 ? 3 : 4)).AddDays(-rnd.Next(0, 200)),
                };
                await Elect(b.Id, b.Path, CommitteeKind.BranchCommittee, on);
                i++;
            }
        }

        var heping = communities[0];
        await Elect(heping.Id, heping.Path, CommitteeKind.ResidentsCommittee, withinSix, ["王淑芬", "李卫东", "陈美华", "赵国强", "孙丽萍"]);

        // A branch re-elected two months ago: its previous committee is kept as history.
        var compound = DemoDistrict.Place(g, DemoPlace.CompoundBranch);
        await Elect(compound.Id, compound.Path, CommitteeKind.BranchCommittee, today.AddMonths(-2));

        // The far community's second branch: the secretary moved away and nobody has been elected since.
        var far = communities[^1];
        var weak = g.Units.Where(u => u.ParentId == far.Id && u.Kind == OrgKind.Branch).Skip(1).First();
        var weakCommittee = (await GetUnitCommittees.HandleAsync(db, org, clock, weak.Id, ct)).Value!.Current.Single();
        var secretary = weakCommittee.Seats.Single(s => s.Post == "secretary");
        Ok(await VacateSeat.HandleAsync(db, clock, secretary.Id, new VacateInput { On = today.AddDays(-75), Reason = "工作调动至外区" }, ct), "书记离任");

        // Reserve cadres of 和平社区 and one elsewhere.
        var heroster = await members.RosterAsync(heping.Path, ct);
        foreach (var (name, memberId, female, year, edu, track, daysAgo, note) in new (string, Guid?, bool, int, string, ReserveTrack, int, string?)[]
                 {
                     ("", heroster[0].Id, false, 1992, "本科", ReserveTrack.SecretaryAssistant, 400, "在社区党委跟岗锻炼，分管党建阵地。"),
                     ("许晓婷", null, true, 1995, "本科", ReserveTrack.DirectorAssistant, 220, "社工，持社会工作者职业资格证书。"),
                     ("", heroster[3].Id, true, 1990, "硕士研究生", ReserveTrack.LeadingGoose, 150, "“领头雁”计划第二期学员。"),
                 })
            Ok(await AddReserveCadre.HandleAsync(db, org, members, clock, new ReserveInput
            {
                CommunityId = heping.Id, Name = name, MemberId = memberId, Female = female, BirthYear = year, Education = edu, Track = track,
                Since = today.AddDays(-daysAgo), Note = note,
            }, ct), "后备干部");
        Ok(await AddReserveCadre.HandleAsync(db, org, members, clock, new ReserveInput
        {
            CommunityId = communities[1].Id, Name = "周振宇", BirthYear = 1993, Education = "大专", Track = ReserveTrack.Reserve, Since = today.AddDays(-90),
            Note = "退役军人，网格员。",
        }, ct), "后备干部");

        // Rectification: the branch without a secretary, with its helper and plan; and one that exited last year.
        var started = today.AddDays(-60);
        var rect = await StartRectification.HandleAsync(db, org, clock, new RectificationInput
        {
            UnitId = weak.Id, ReasonCodes = ["vacant_secretary", "weak_team"], Helper = "街道党工委副书记 张明", StartedOn = started,
            ReasonNote = "书记调离后支部工作停滞，主题党日连续两个月未开展，党员意见较大。",
            Tasks =
            [
                new TaskInput { Title = "选优配强支部书记，召开党员大会补选", DueOn = started.AddMonths(2) },
                new TaskInput { Title = "恢复“三会一课”，补开主题党日并整理会议记录", DueOn = started.AddMonths(1) },
                new TaskInput { Title = "帮扶领导每月到支部调研一次，解决党员反映的问题", DueOn = started.AddMonths(4) },
            ],
        }, ct);
        Ok(rect, "整顿对象");
        var detail = (await GetRectification.HandleAsync(db, org, clock, rect.Value!.Id, ct)).Value!;
        Ok(await RecordRectifyProgress.HandleAsync(db, clock, rect.Value.Id, new ProgressInput
        {
            TaskId = detail.Tasks[1].Id, On = started.AddDays(24), CompletesTask = true, Note = "补开主题党日一次，到会党员 7 人，会议记录已归档。",
        }, [], ct), "整顿进展");
        Ok(await RecordRectifyProgress.HandleAsync(db, clock, rect.Value.Id, new ProgressInput
        {
            On = started.AddDays(40), Note = "张明副书记到支部座谈，听取党员对书记人选的意见，初步确定两名人选。",
        }, [], ct), "整顿进展");

        var old = g.Units.Where(u => u.ParentId == communities[1].Id && u.Kind == OrgKind.Branch).Last();
        var lastYear = new DateOnly(today.Year - 1, 3, 10);
        var exited = await StartRectification.HandleAsync(db, org, clock, new RectificationInput
        {
            UnitId = old.Id, ReasonCodes = ["orglife_arrears"], Helper = "街道党建办主任 刘芳", StartedOn = lastYear,
            Tasks = [new TaskInput { Title = "按月开展主题党日，补齐组织生活欠账", DueOn = lastYear.AddMonths(6) }],
        }, ct);
        Ok(exited, "整顿对象");
        var oldTask = (await GetRectification.HandleAsync(db, org, clock, exited.Value!.Id, ct)).Value!.Tasks[0];
        Ok(await RecordRectifyProgress.HandleAsync(db, clock, exited.Value.Id, new ProgressInput
        {
            TaskId = oldTask.Id, On = lastYear.AddMonths(5), CompletesTask = true, Note = "连续五个月按时开展主题党日，出席率 90% 以上。",
        }, [], ct), "整顿进展");
        Ok(await ExitRectification.HandleAsync(db, clock, exited.Value.Id, new ExitInput
        {
            On = lastYear.AddMonths(7), Note = "经街道党工委验收，组织生活规范开展，同意销号。", Version = exited.Value.Version,
        }, ct), "整顿销号");
    }
}
