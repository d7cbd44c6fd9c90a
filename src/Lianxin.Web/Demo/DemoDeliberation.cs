using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Modules.Mediation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Demo;

/// <summary>
/// 三级议事 and 调解 in 和平社区, through the modules' own use cases: three motions (one settled by its compound, one the community settled
/// and turned into a pledge, one waiting), committees, property arrangements, a convention in two versions, and two mediation cases whose
/// team is the demo accounts "judge" (社区法官), "mediator" (社区调解员) and "member" (调解志愿者).
/// </summary>
public static class DemoDeliberation
{
    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var places = sp.GetRequiredService<PlaceDirectory>();
        var demands = sp.GetRequiredService<DemandDirectory>();
        var ct = CancellationToken.None;
        var today = clock.Today();
        var community = DemoDistrict.Place(g, DemoPlace.Community);

        var compounds = (await places.CompoundRoutesInDistrictAsync([community.Id], ct)).OrderBy(c => c.Name).ToList();
        var (a, b) = (compounds[0], compounds[Math.Min(1, compounds.Count - 1)]);
        T Ok<T>(Lianxin.Web.Platform.Outcome<T> o, string what) => o.IsOk ? o.Value! : throw new InvalidOperationException($"演示{what}：{o.Message ?? string.Join("；", o.Errors!.SelectMany(e => e.Value))}");

        var lights = Ok(await RaiseMotion.HandleAsync(db, org, places, demands, clock, new RaiseMotionRequest
        {
            CompoundId = a.Id, Title = "小区南门路灯不亮，夜里出行不便", Description = "南门到 5 幢一段路灯坏了快一个月，老人晚上买菜回来看不清路，建议尽快修好，再加装两盏。", ProposerName = "5 幢 赵阿姨",
        }, isPublic: true, ct), "议题");
        Ok(await RecordMeeting.HandleAsync(db, org, clock, lights.Id, new RecordMeetingRequest
        {
            Version = lights.Version, HeldOn = today, Place = $"{a.Name}党群议事角", Host = "小区党支部书记 孙建军", ParticipantCount = 11,
            Participants = "小区党支部 2 人、业委会 3 人、物业 1 人、楼栋长 3 人、居民代表 2 人", Positions = "物业：路灯线路老化，可先换灯头；居民：希望一并加装两盏；业委会：加装费用从公共收益中列支。",
            Mode = DecisionMode.Vote, VotesFor = 10, VotesAgainst = 0, VotesAbstain = 1, Outcome = "物业一周内修复路灯，加装两盏太阳能路灯，费用由公共收益列支，业委会公示。",
        }, ct), "小区议事会");

        var parking = Ok(await RaiseMotion.HandleAsync(db, org, places, demands, clock, new RaiseMotionRequest
        {
            CompoundId = b.Id, Title = "非机动车充电棚建在哪里", Description = "楼道里电动车充电有火灾隐患，想建集中充电棚，但几个位置都有人不同意。", ProposerName = "党员 李建华",
        }, isPublic: false, ct), "议题");
        var first = Ok(await RecordMeeting.HandleAsync(db, org, clock, parking.Id, new RecordMeetingRequest
        {
            Version = parking.Version, HeldOn = today, Place = $"{b.Name}活动室", Host = "网格党支部书记", ParticipantCount = 14, Participants = "网格党支部、业委会、物业、3 幢和 7 幢居民代表",
            Positions = "3 幢居民反对建在楼前空地；7 幢居民担心占用停车位；物业建议建在北侧绿地边。", Mode = DecisionMode.Vote, VotesFor = 6, VotesAgainst = 7, VotesAbstain = 1,
            Outcome = "位置意见不一，提交社区议事会协调。",
        }, ct), "小区议事会");
        Ok(await RecordMeeting.HandleAsync(db, org, clock, parking.Id, new RecordMeetingRequest
        {
            Version = first.Version, HeldOn = today, Place = "和平社区党群服务中心", Host = "和平社区党委书记", ParticipantCount = 9,
            Participants = "社区党委、城管科、消防站、物业、业委会、居民代表", Positions = "消防站：北侧绿地边符合安全间距；城管科：可办理临时占绿手续；居民代表：同意北侧，绿地补种。",
            Mode = DecisionMode.Consensus, Result = MeetingResult.Settled, Outcome = "充电棚建在北侧绿地边，社区协调占绿手续，物业补种绿植，两个月内建成。",
            ToPledge = true, ResponsiblePerson = "和平社区党委书记", PledgeDueOn = today.AddMonths(2),
        }, ct), "社区议事会");

        Ok(await RaiseMotion.HandleAsync(db, org, places, demands, clock, new RaiseMotionRequest
        {
            CompoundId = a.Id, Title = "广场舞音量太大影响休息", Description = "每晚七点到九点半，中心花园广场舞音响太响，高考生和上夜班的邻居休息不好，建议定个时间和音量。",
        }, isPublic: true, ct), "议题");

        Ok(await SaveOwnersCommittee.HandleAsync(db, places, clock, a.Id, new OwnersCommitteeRequest
        {
            TermFrom = today.AddYears(-1), TermTo = today.AddYears(4), LedByBranch = true, LeadingBranch = $"{a.Name}党支部",
            Members = SaveOwnersCommittee.ParseLines("孙建军 主任 党员\n周美华 副主任 党员\n吴立新 委员 党员\n郑小兰 委员\n钱国栋 委员"),
        }, ct), "业委会");
        if (b.Id != a.Id)
            Ok(await SaveOwnersCommittee.HandleAsync(db, places, clock, b.Id, new OwnersCommitteeRequest
            {
                TermFrom = today.AddYears(-2), TermTo = today.AddYears(3), LedByBranch = false,
                Members = SaveOwnersCommittee.ParseLines("冯志刚 主任\n陈丽 副主任 党员\n杨帆 委员"),
            }, ct), "业委会");
        Ok(await SavePropertyArrangement.HandleAsync(db, places, clock, a.Id, new PropertyRequest
        {
            Kind = PropertyKind.Company, Provider = "绿城物业和平里项目部", Since = today.AddYears(-3),
        }, ct), "物业");
        if (b.Id != a.Id)
            Ok(await SavePropertyArrangement.HandleAsync(db, places, clock, b.Id, new PropertyRequest
            {
                Kind = PropertyKind.RedQuasi, LeadBranch = "第一网格党支部", ServiceBody = "和平社区居民服务站", Since = today.AddYears(-1),
                Parties = "在职党员志愿服务队\n楼栋长\n绿城物业（技术支持）\n老王便民超市", Note = "老旧小区无物业，实行“1+1+N”红色准物业，每户每月 10 元保洁费。",
            }, ct), "物业");
        var v1 = Ok(await EditConvention.HandleAsync(db, places, clock, a.Id, new ConventionRequest
        {
            Title = $"{a.Name}居民公约", AdoptedOn = today.AddYears(-1), AdoptedBy = "业主大会表决通过",
            Body = "一、爱党爱国，遵纪守法。\n二、邻里和睦，互谅互让。\n三、垃圾分类，定时定点投放。\n四、文明养犬，出门牵绳。\n五、爱护公共设施，不乱堆乱放。",
        }, ct), "居民公约");
        Ok(await EditConvention.HandleAsync(db, places, clock, a.Id, new ConventionRequest
        {
            Title = $"{a.Name}居民公约", AdoptedOn = today.AddMonths(-1), AdoptedBy = "居民代表会议表决通过", BaseNumber = v1.Number, ChangeNote = "增加电动车不进楼道、广场活动音量两条",
            Body = "一、爱党爱国，遵纪守法。\n二、邻里和睦，互谅互让。\n三、垃圾分类，定时定点投放。\n四、文明养犬，出门牵绳。\n五、爱护公共设施，不乱堆乱放。\n六、电动车不进楼道、不入户充电。\n七、广场活动晚九点前结束，音量不扰邻。",
        }, ct), "居民公约");

        var personal = sp.GetRequiredService<PersonalData>();
        var team = new List<TeamInput> { new() { UserName = "judge", Duty = TeamDuty.Judge }, new() { UserName = "mediator", Duty = TeamDuty.Mediator }, new() { UserName = "member", Duty = TeamDuty.Volunteer } };
        var leak = Ok(await OpenCase.HandleAsync(db, org, personal, clock, new OpenCaseRequest
        {
            CommunityId = community.Id, Type = DisputeType.Neighbour, OpenedOn = today, Summary = "楼上卫生间漏水渗到楼下，双方对维修费用分担有争议。", Team = team,
            Parties = [new() { Side = PartySide.Applicant, Name = "张桂兰", Phone = "13805712345" }, new() { Side = PartySide.Respondent, Name = "刘明", Phone = "13905716789" }],
        }, ct), "调解案件");
        Ok(await CaseProgress.SessionAsync(db, clock, leak.Id, new SessionRequest { HeldOn = today, Place = "和平社区调解室", Notes = "双方到场，物业出具漏水检测报告；刘明同意维修防水层，费用分担待下次商定。" }, ct), "调解");
        var fence = Ok(await OpenCase.HandleAsync(db, org, personal, clock, new OpenCaseRequest
        {
            CommunityId = community.Id, Type = DisputeType.Property, OpenedOn = today, Summary = "一楼住户私自圈占楼前绿地种菜，邻居多次投诉。", Team = team,
            Parties = [new() { Side = PartySide.Applicant, Name = "王德胜", Phone = "13588001234" }, new() { Side = PartySide.Respondent, Name = "孙秀芳" }],
        }, ct), "调解案件");
        Ok(await CaseProgress.SessionAsync(db, clock, fence.Id, new SessionRequest { HeldOn = today, Place = "2 幢楼前", Notes = "现场调解，社区法官讲解物权法相关规定，孙秀芳同意拆除围栏、恢复绿地。" }, ct), "调解");
        Ok(await CaseProgress.CloseAsync(db, clock, fence.Id, new CloseCaseRequest
        {
            Version = fence.Version, Outcome = CaseState.Agreed, ClosedOn = today, FollowUpDue = today.AddDays(30), Note = "孙秀芳十日内拆除围栏、恢复绿地，物业协助补种；双方签订调解协议。",
        }, [new Upload("调解协议书.png", "image/png", Png, Png)], ct), "结案");
    }

    /// <summary>A 1×1 white PNG standing in for the scanned agreement.</summary>
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");
}
