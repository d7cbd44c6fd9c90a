using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// 和平路商业街区党建联盟 (12 units: 两新组织, property companies, party-member merchants, led by the street's chamber of commerce),
/// the four quarterly meetings of 东湖街道大工委 in 2026 (one decision turned into a pledge), and 青禾供电公司东湖供电所 reporting to
/// 和平社区 (双报到) through its partner-unit record. All through the use cases.
/// </summary>
public static class DemoCoBuildingAlliances
{
    static readonly string[] AllianceUnits =
    [
        "和平路商业街商会", "东湖万象汇商业管理有限公司", "青禾数码科技有限公司", "和平路美食街物业服务中心", "绿城物业和平里项目部", "新华书店和平路店",
        "惠民大药房和平店", "和平路社工服务站", "老王便民超市", "张记手工面馆", "李姐裁缝铺", "刘师傅家电维修部",
    ];

    record Meeting(DateOnly HeldOn, string Place, string Agenda, string Minutes, string[] Decisions, int AbsentSeat, string Reason, string? Substitute);

    static readonly Meeting[] Meetings =
    [
        new(new(2026, 3, 18), "东湖街道党群服务中心三楼会议室", "通报 2025 年共驻共建工作情况\n审议 2026 年共建需求清单、资源清单\n商议“和平路商业街区党建联盟”组建方案",
            "会议听取了街道党工委关于 2025 年共驻共建工作的通报，逐项审议了需求清单和资源清单，原则同意组建和平路商业街区党建联盟。",
            ["同意组建和平路商业街区党建联盟，由和平路商业街商会党支部牵头", "各成员单位 4 月底前认领至少一项共建项目"], 2, "外出参加系统培训", "赵磊"),
        new(new(2026, 6, 17), "青禾区人民医院东湖分院会议室", "一季度共建项目推进情况\n夏季防汛和高温关爱安排\n老旧小区加装电梯协调",
            "各单位汇报了共建项目进展；医院分院承诺每月一次进社区义诊；供电所负责汛期社区配电设施巡查。",
            ["汛期前完成和平里小区配电房防水改造", "七八月开展“清凉一夏”送高温慰问"], 5, "单位年中检查", null),
        new(new(2026, 9, 16), "和平社区党群服务中心", "“我为群众办实事”项目中期评估\n和平路停车难问题专题研究\n国庆期间商业街文明创建",
            "会议专题研究和平路停车难问题，万象汇同意夜间开放地下停车场 80 个车位，商会负责组织商户错时停车。",
            ["万象汇地下停车场夜间向居民开放 80 个车位", "商会牵头制定商业街商户文明经营公约"], 7, "带队外出招商", "许静"),
        new(new(2026, 11, 25), "东湖街道党群服务中心三楼会议室", "全年共建项目履约情况通报\n2027 年共建需求征集\n大工委成员单位年度述职安排",
            "会议通报了全年共建项目和履约情况，布置 2027 年需求征集和年度述职。",
            ["为和平里 3 个老旧小区增设电动自行车集中充电桩", "12 月中旬完成成员单位年度述职"], 0, "", null),
    ];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var ct = CancellationToken.None;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var units = await db.PartnerUnits.AsNoTracking().Where(p => p.OrgPath.StartsWith(community.Path)).ToDictionaryAsync(p => p.Name, p => p.Id, ct);

        var founded = new DateOnly(2026, 4, 8);
        var alliance = Ok(await CreateAlliance.HandleAsync(db, org, clock, new AllianceInput
        {
            OrgUnitId = community.Id, Name = "和平路商业街区党建联盟", FoundedOn = founded, LeadPartnerUnitId = units[AllianceUnits[0]],
            Theme = "党建引领商圈治理：共创文明商街、共解停车难、共办便民服务，让商户、物业和居民拧成一股绳。",
        }, ct), "党建联盟");
        foreach (var (name, i) in AllianceUnits.Skip(1).Select((n, i) => (n, i)))
            Ok(await JoinAlliance.HandleAsync(db, org, alliance.Id, new JoinAllianceRequest { PartnerUnitId = units[name], JoinedOn = founded.AddDays(i / 4 * 7) }, ct), name);

        var seats = (await GetCommittee.HandleAsync(db, org, clock, street.Id, ct)).Value!.Seats;
        var today = clock.Today();
        foreach (var m in Meetings.Where(m => m.HeldOn <= today))
        {
            var saved = Ok(await RecordCommitteeMeeting.HandleAsync(db, org, clock, street.Id, new MeetingInput
            {
                HeldOn = m.HeldOn, Place = m.Place, Agenda = m.Agenda, Minutes = m.Minutes,
                Attendance = seats.Select((s, k) => k == m.AbsentSeat && m.Reason != ""
                    ? new AttendanceInput { SeatId = s.Id, Present = false, AbsenceReason = m.Reason, Substitute = m.Substitute }
                    : new AttendanceInput { SeatId = s.Id, Present = true }).ToList(),
                Decisions = m.Decisions.Select(d => new DecisionInput { Text = d }).ToList(),
            }, ct), $"例会 {m.HeldOn}");
            if (m == Meetings[^1])
            {
                var decision = await db.CommitteeDecisions.AsNoTracking().FirstAsync(d => d.MeetingId == saved.Id && d.Number == 1, ct);
                Ok(await PledgeDecision.HandleAsync(db, org, clock, decision.Id, new PledgeDecisionRequest { ResponsiblePerson = "王志强", DueOn = today.AddDays(60) }, ct), "办实事");
            }
        }

        var partners = sp.GetRequiredService<PartnerUnitDirectory>();
        Ok(await DualReporting.ReportUnitAsync(db, org, partners, sp.GetRequiredService<PersonalData>(), clock, new UnitReportForm
        {
            CommunityId = community.Id, PartnerUnitId = units["青禾供电公司东湖供电所"], Liaison = "赵磊", LiaisonPhone = "13805710023", Offers = "汛期配电设施巡查，居民用电安全讲座",
        }, ct), "单位双报到");
    }

    static T Ok<T>(Outcome<T> o, string what) =>
        o.IsOk ? o.Value! : throw new InvalidOperationException($"演示数据 {what}：{o.Message ?? string.Join("；", o.Errors?.SelectMany(e => e.Value) ?? [])}");
}
