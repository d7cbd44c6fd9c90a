using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.OrgLife;

/// <summary>Rows the OrgLife tests arrange: members with a joining history (the roster of a past day is rebuilt from it) and meetings.</summary>
static class OrgLifeBuild
{
    public static OrgUnit Heping(this LianxinApp app) => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));

    public static OrgUnit NewBranch(this LianxinApp app, string name = "测试网格党支部") => app.WithDb(db => db.Unit(app.Heping(), OrgKind.Branch, name + Guid.NewGuid().ToString("N")[..4], BranchKind.Grid));

    /// <summary>A member who joined <paramref name="branch"/> on <paramref name="on"/> (the transfer and status history says so).</summary>
    public static Member Joined(this LianxinApp app, OrgUnit branch, string name, DateOnly on) => app.WithScope(sp =>
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var m = db.Member(sp.GetRequiredService<PersonalData>(), branch, name);
        db.MemberTransfers.Add(new MemberTransfer { TenantId = m.TenantId, MemberId = m.Id, OrgPath = branch.Path, Kind = TransferKind.Joined, ToBranchId = branch.Id, ToPath = branch.Path, On = on, RecordedAt = DateTime.UtcNow, RecordedBy = "test" });
        db.MemberStatusChanges.Add(new MemberStatusChange { TenantId = m.TenantId, MemberId = m.Id, OrgPath = branch.Path, To = MemberStatus.Normal, On = on, RecordedAt = DateTime.UtcNow, RecordedBy = "test" });
        db.SaveChanges();
        return m;
    });

    /// <summary>A meeting held at 09:00 Beijing time on <paramref name="day"/>, entered the same day.</summary>
    public static Meeting Meeting(this LianxinDb db, OrgUnit branch, MeetingKind kind, DateOnly day, bool late = false)
    {
        var starts = ChinaTime.ToUtc(day, new TimeOnly(9, 0));
        var m = new Meeting
        {
            BranchId = branch.Id, OrgPath = branch.Path, Kind = kind, HeldOn = day, StartsAt = starts, EndsAt = starts.AddHours(1), Place = "会议室", Host = "书记",
            Topic = kind.Chinese(), CreatedAt = late ? starts.AddDays(30) : starts, UpdatedAt = starts, CreatedBy = "test", LateEntry = late,
        };
        db.Meetings.Add(m);
        db.SaveChanges();
        return m;
    }

    public static void Mark(this LianxinDb db, Meeting m, Member who, AttendanceState state)
    {
        db.MeetingAttendance.Add(new MeetingAttendance { MeetingId = m.Id, OrgPath = m.OrgPath, MemberId = who.Id, MemberName = who.Name, HeldOn = m.HeldOn, State = state });
        db.SaveChanges();
    }

    public static object Input(Guid branchId, string date = "2026-03-10", string start = "09:00:00", string end = "10:30:00", string kind = "PartyDay",
        string topic = "学习贯彻全会精神", string[]? items = null, int? version = null) => new
    {
        branchId, kind, mode = "OnSite", date, startTime = start, endTime = end, place = "和平社区党群服务中心", host = "王书记", topic,
        agenda = "1. 重温入党誓词\n2. 集中学习", minutes = "会议记录", decisions = (string?)null, partyDayItems = items ?? ["重温入党誓词", "交纳党费"],
        partyDayExtras = "楼道清洁", version,
    };
}
