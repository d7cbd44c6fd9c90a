using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// Training in 东湖街道 (001: 每月三委培训; 003: 月练兵): the street's monthly training of the communities' 三委 members for
/// the last three months (three named people per community, most signed in, a test after each), a 月练兵 in 和平社区 this
/// month and last with scores (two members tie), and a 党课 for the whole street today, open for sign-in by QR code.
/// </summary>
public static class DemoTraining
{
    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var members = sp.GetRequiredService<MemberDirectory>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = g.District.TenantId;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var heping = DemoDistrict.Place(g, DemoPlace.Community);
        var communities = g.Units.Where(u => u.Kind == OrgKind.Community && u.ParentId == street.Id).ToList();
        var committee = new List<MemberRef>();
        foreach (var c in communities) committee.AddRange((await members.RosterAsync(c.Path, CancellationToken.None)).Take(3));
        var rnd = new Random(312);
        var sessions = new List<TrainingSession>();
        var records = new List<TrainingRecord>();

        TrainingSession Session(OrgUnit organiser, OrgUnit audience, TrainingAudience who, TrainingKind kind, string title, DateOnly day, int hour, string place, string? teacher)
        {
            var starts = ChinaTime.ToUtc(day, new TimeOnly(hour, 0));
            var s = new TrainingSession
            {
                TenantId = tenant, OrganiserId = organiser.Id, OrgPath = organiser.Path, Kind = kind, Title = title, AudienceUnitId = audience.Id, AudiencePath = audience.Path,
                Audience = who, HeldOn = day, StartsAt = starts, EndsAt = starts.AddHours(2), Place = place, Teacher = teacher,
                CreatedAt = starts.AddDays(-7), UpdatedAt = starts.AddDays(-7), CreatedBy = "street",
            };
            sessions.Add(s);
            return s;
        }

        void Record(TrainingSession s, MemberRef m, bool signed, int? score) => records.Add(new TrainingRecord
        {
            TenantId = tenant, SessionId = s.Id, OrgPath = m.BranchPath, MemberId = m.Id, MemberName = m.Name, HeldOn = s.HeldOn, Kind = s.Kind,
            EnrolledAt = s.CreatedAt, SignedInAt = signed ? s.StartsAt.AddMinutes(-rnd.Next(1, 20)) : null, SignedInBy = signed ? TrainingNames.Scanned : null,
            Score = signed ? score : null, Reflection = signed && rnd.Next(3) == 0 ? "通过学习进一步明确了社区治理中党组织的引领作用，下一步要把学到的方法用到网格走访和居民议事中。" : null,
        });

        var topics = new[] { "社区三委履职能力培训：居民议事规则", "社区三委履职能力培训：矛盾纠纷排查化解", "社区三委履职能力培训：党建引领物业管理" };
        for (var k = 3; k >= 1; k--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-k);
            var s = Session(street, street, TrainingAudience.Invited, TrainingKind.Lecture, $"{month.Month}月{topics[k - 1]}", month.AddDays(9), 14,
                "东湖街道党群服务中心二楼培训室", "街道党工委组织委员");
            foreach (var m in committee) Record(s, m, rnd.Next(8) != 0, 60 + rnd.Next(41));
        }

        var hepingRoster = (await members.RosterAsync(heping.Path, CancellationToken.None)).Take(12).ToList();
        foreach (var month in new[] { new DateOnly(today.Year, today.Month, 1).AddMonths(-1), new DateOnly(today.Year, today.Month, 1) })
        {
            var day = month.AddDays(4);
            if (day >= today) day = today.AddDays(-1);
            var s = Session(heping, heping, TrainingAudience.Roster, TrainingKind.Drill, $"{month.Month}月练兵：政策知识测试", day, 9, "和平社区党群服务中心", null);
            for (var i = 0; i < hepingRoster.Count; i++)
                Record(s, hepingRoster[i], i % 6 != 5, i < 2 ? 95 : 55 + rnd.Next(40)); // the first two tie for first place
        }

        var lecture = Session(street, street, TrainingAudience.Roster, TrainingKind.Special, "万名党员进党校：学习贯彻党的二十届三中全会精神", today, 14,
            "东湖街道党群服务中心大礼堂", "区委党校讲师");
        lecture.StartsAt = now.AddMinutes(-30);
        lecture.EndsAt = now.AddHours(2);
        lecture.HeldOn = DateOnly.FromDateTime(ChinaTime.ToBeijing(lecture.StartsAt));
        foreach (var m in hepingRoster.Take(4)) Record(lecture, m, false, null);
        // 李建华 (the demo member, in the street agency branch) is enrolled: his calendar feed shows the session.
        var leeUser = await db.Users.Where(u => u.UserName == "member").Select(u => u.Id).FirstAsync();
        if (await members.OfUserInDistrictAsync(leeUser, CancellationToken.None) is { } lee) Record(lecture, lee, false, null);

        db.TrainingSessions.AddRange(sessions);
        db.TrainingRecords.AddRange(records);
        await db.SaveChangesAsync();
    }
}
