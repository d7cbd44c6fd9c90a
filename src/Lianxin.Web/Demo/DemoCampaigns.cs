using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// Two campaigns of 东湖街道 over 和平社区 (and two compounds of 幸福社区): 电动车违规停放充电专项整治, running for three weeks, and the
/// winter 消防安全大排查, for ten days. Inspections by the compound secretary, the grid leader and the community's staff on the days
/// they happened; one rectification verified, one waiting for verification, one overdue; a missing fire hose raised as a demand and
/// smoke alarms for old people living alone as a draft pledge (both delivered when the event job runs). Every step is the module's
/// own use case, run as the person who would do it on a clock set to that day.
/// </summary>
public static class DemoCampaigns
{
    sealed class At(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var tenant = g.District.TenantId;
        var today = sp.GetRequiredService<TimeProvider>().Today();
        TimeProvider Day(int daysAgo) => new At(ChinaTime.ToUtc(today.AddDays(-daysAgo), new TimeOnly(10, 0)));
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var heping = DemoDistrict.Place(g, DemoPlace.Community);
        var xingfu = DemoDistrict.Place(g, DemoPlace.NeighbourCommunity);
        var compounds = g.Compounds.Where(c => c.CommunityId == heping.Id).OrderBy(c => c.OrgPath.Length).ThenBy(c => c.Name).ToList();
        var sunshine = compounds.First(c => c.Name == "阳光花园");
        var golden = compounds.First(c => c.Name == "金色家园");
        var jade = compounds.First(c => c.Name == "翠湖苑");
        var neighbours = g.Compounds.Where(c => c.CommunityId == xingfu.Id).OrderBy(c => c.Name).Take(2).ToList();
        var sunshineBuildings = g.Buildings.Where(b => b.CompoundId == sunshine.Id).OrderBy(b => b.Name).ToList();
        var users = await Users(sp, tenant);
        var ct = CancellationToken.None;

        // 电动车违规停放充电专项整治: the street, three weeks ago, over every compound of 和平社区 and two of 幸福社区.
        var ebike = Ok(await As(sp, tenant, users["street"], s => SaveCampaign.HandleAsync(s.Db, s.Get<OrgDirectory>(), s.Get<PlaceDirectory>(), Day(22), null, new CampaignInput
        {
            StreetId = street.Id, Title = "电动车违规停放充电专项整治", Kind = CampaignKind.EBikeCharging, StartsOn = today.AddDays(-21),
            EndsOn = today.AddDays(39), RectifyDays = 7,
            Description = "落实“人车分离、车电分离”，重点整治楼道停放、飞线充电、入户充电。各社区一个月内完成辖区小区全覆盖检查，问题一周内整改到位。",
            Items = ["楼道、门厅、安全出口无电动车停放", "无“飞线”充电、入户充电", "集中充电设施运行正常，有专人巡查", "电动车停放区域消防器材配置到位"],
            CompoundIds = [.. compounds.Select(c => c.Id), .. neighbours.Select(c => c.Id)],
        }, ct)), "电动车专项");
        ebike = Ok(await As(sp, tenant, users["street"], s => StartCampaign.HandleAsync(s.Db, Day(21), ebike.Id, new CampaignStateRequest(ebike.Version), ct)), "启动");

        // 阳光花园 (the compound secretary): a flying lead from a fifth-floor window, fixed and verified by the street.
        var sunshineCheck = await Inspect(sp, tenant, users["compound"], Day(15), ebike.Id, sunshine.Name,
            [Pass, ("3号楼2单元有住户从五楼窗口拉线给楼下电动车充电", Severity.Major), Pass, Pass], null, "共检查5栋楼，入户宣传42户。");
        var flying = await FindingAsync(sp, tenant, sunshineCheck);
        Ok(await As(sp, tenant, users["compound"], s => AssignTask.HandleAsync(s.Db, s.Get<PartnerUnitDirectory>(), Day(15), flying.Task, new AssignTaskInput
            { ResponsibleUnit = "阳光花园物业服务中心", DueOn = today.AddDays(-9), Version = 0 }, ct)), "指派");
        Ok(await As(sp, tenant, users["compound"], s => ReportTaskDone.HandleAsync(s.Db, Day(11), flying.Task, new TaskDoneInput
            { Note = "物业拆除飞线，与住户签订安全承诺书，3号楼下新增充电桩4个。", Version = 1 }, [], ct)), "整改");
        Ok(await As(sp, tenant, users["street"], s => VerifyTask.HandleAsync(s.Db, Day(10), flying.Task, new VerifyTaskInput { Pass = true, Note = "现场复查，飞线已拆除。", Version = 2 }, ct)), "验收");

        // 金色家园 (the grid leader): bikes in the lobbies, given to the property company and now overdue.
        var goldenCheck = await Inspect(sp, tenant, users["grid"], Day(12), ebike.Id, golden.Name,
            [("1号楼、2号楼门厅停放电动车7辆，堵塞安全出口", Severity.Minor), Pass, NotApplicable, Pass], null, null);
        var lobby = await FindingAsync(sp, tenant, goldenCheck);
        Ok(await As(sp, tenant, users["grid"], s => AssignTask.HandleAsync(s.Db, s.Get<PartnerUnitDirectory>(), Day(12), lobby.Task, new AssignTaskInput
            { ResponsibleUnit = "金色家园物业管理处", DueOn = today.AddDays(-4), Version = 0 }, ct)), "指派");

        // 翠湖苑 (the community's staff), three days ago: no shared charging point, open.
        await Inspect(sp, tenant, users["staff"], Day(3), ebike.Id, jade.Name,
            [Pass, Pass, ("小区没有集中充电设施，居民晚上只能推车上楼充电", Severity.Major), Pass], null, "物业刚更换，充电设施由社区协调。");

        // 冬季消防安全大排查: the street, ten days ago, over three buildings of 阳光花园 and the whole of 金色家园.
        var fire = Ok(await As(sp, tenant, users["street"], s => SaveCampaign.HandleAsync(s.Db, s.Get<OrgDirectory>(), s.Get<PlaceDirectory>(), Day(11), null, new CampaignInput
        {
            StreetId = street.Id, Title = "冬季消防安全大排查", Kind = CampaignKind.FireSafety, StartsOn = today.AddDays(-10), EndsOn = today.AddDays(20),
            RectifyDays = 10, Description = "入冬前对高层住宅和老旧楼栋逐栋排查，发现隐患当场登记、限期整改。",
            Items = ["消防通道畅通，无占用、堵塞", "室内消火栓水压正常，箱内水带、水枪齐全", "灭火器在有效期内、压力正常", "安全出口、疏散指示标志完好", "楼道内无堆放杂物"],
            CompoundIds = [golden.Id], BuildingIds = sunshineBuildings.Take(3).Select(b => b.Id).ToList(),
        }, ct)), "消防专项");
        fire = Ok(await As(sp, tenant, users["street"], s => StartCampaign.HandleAsync(s.Db, Day(10), fire.Id, new CampaignStateRequest(fire.Version), ct)), "启动");

        // 阳光花园 1号楼 (the compound secretary): a hydrant without its hose (a demand for the repair) and boxes in the stairwell (reported done).
        var hoseCheck = await Inspect(sp, tenant, users["compound"], Day(5), fire.Id, $"{sunshine.Name} {sunshineBuildings[0].Name}",
            [Pass, ("2至6层消火栓箱内水带、水枪缺失", Severity.Severe), Pass, Pass, ("楼道堆放纸箱、旧家具", Severity.Minor)], null, null);
        var findings = await As(sp, tenant, null, s => s.Db.Set<CampaignFinding>().Where(f => f.InspectionId == hoseCheck).OrderBy(f => f.Text).ToListAsync(ct));
        var hose = findings.First(f => f.Text.StartsWith("室内消火栓"));
        var boxes = findings.First(f => f.Text.StartsWith("楼道"));
        var category = (await As(sp, tenant, users["compound"], s => s.Get<DemandDirectory>().CategoriesAsync(s.Get<OrgDirectory>(), heping.Id, ct))).First(c => c.Name == "设施维修");
        Ok(await As(sp, tenant, users["compound"], s => RaiseDemand.HandleAsync(s.Db, s.Get<OrgDirectory>(), s.Get<DemandDirectory>(), Day(5), hose.Id, new RaiseDemandInput
        {
            CategoryId = category.Id, Description = "阳光花园1号楼各层消火栓箱内水带、水枪缺失，需配齐并检测水压。", ContactName = "阳光花园小区党支部", ContactPhone = "13905710088",
        }, ct)), "转诉求");
        var boxesTask = await As(sp, tenant, null, s => s.Db.Set<RectificationTask>().Where(t => t.FindingId == boxes.Id).Select(t => t.Id).FirstAsync(ct));
        Ok(await As(sp, tenant, users["compound"], s => ReportTaskDone.HandleAsync(s.Db, Day(2), boxesTask, new TaskDoneInput
            { Note = "组织党员志愿者清理楼道杂物两车，张贴“楼道禁止堆物”提示。", Version = 0 }, [], ct)), "整改");

        // 金色家园 (the grid leader): old people living alone have no smoke alarms: a practical matter for the community.
        var alarmCheck = await Inspect(sp, tenant, users["grid"], Day(4), fire.Id, golden.Name,
            [Pass, Pass, Pass, Pass, Pass], ("12户独居老人家中未安装烟感报警器", Severity.Major), "逐栋检查8栋楼，走访独居老人12户。");
        var alarms = await FindingAsync(sp, tenant, alarmCheck);
        Ok(await As(sp, tenant, users["secretary"], s => RaisePledge.HandleAsync(s.Db, s.Get<OrgDirectory>(), Day(4), alarms.Id, new RaisePledgeInput
        {
            Title = "为独居老人免费安装独立式烟感报警器", ResponsiblePerson = "和平社区 书记", DueOn = today.AddDays(30),
        }, ct)), "办实事");
    }

    static readonly (string? Fail, Severity Severity) Pass = (null, Severity.Minor), NotApplicable = ("", Severity.Minor);

    /// <summary>An inspection of the place named: per checklist item pass, not applicable, or what failed; and a finding beyond the list.</summary>
    static async Task<Guid> Inspect(IServiceProvider sp, Guid tenant, Guid user, TimeProvider day, Guid campaignId, string place,
        (string? Fail, Severity Severity)[] answers, (string Text, Severity Severity)? extra, string? note)
    {
        var saved = await As(sp, tenant, user, async s =>
        {
            var form = Ok(await InspectionForm.HandleAsync(s.Db, day, campaignId, default), "检查表");
            return await RecordInspection.HandleAsync(s.Db, day, campaignId, new InspectionInput
            {
                PlaceId = form.Places.First(p => p.Name == place).Id, Note = note,
                Answers = form.Items.Select((item, i) => new AnswerInput
                {
                    ItemId = item.Id, Severity = answers[i].Severity, Note = answers[i].Fail is { Length: > 0 } what ? what : null,
                    Result = answers[i].Fail switch { null => CheckResult.Pass, "" => CheckResult.NotApplicable, _ => CheckResult.Fail },
                }).ToList(),
                Findings = extra is { } x ? [new FindingInput { Text = x.Text, Severity = x.Severity }] : [],
            }, [], default);
        });
        return Ok(saved, "检查").Id;
    }

    static async Task<(Guid Id, Guid Task)> FindingAsync(IServiceProvider sp, Guid tenant, Guid inspectionId) =>
        await As(sp, tenant, null, s => (from f in s.Db.Set<CampaignFinding>() join t in s.Db.Set<RectificationTask>() on f.Id equals t.FindingId
                                         where f.InspectionId == inspectionId select new ValueTuple<Guid, Guid>(f.Id, t.Id)).FirstAsync());

    sealed record Scoped(IServiceProvider Services, LianxinDb Db)
    {
        public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    }

    static async Task<Dictionary<string, Guid>> Users(IServiceProvider sp, Guid tenant) =>
        await As(sp, tenant, null, s => s.Db.Users.AsNoTracking().Where(u => new[] { "street", "secretary", "staff", "grid", "compound" }.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id));

    /// <summary>Runs <paramref name="work"/> in a scope of its own as the user with their grants (as the middleware loads them), or as the system when null.</summary>
    static async Task<T> As<T>(IServiceProvider sp, Guid tenant, Guid? userId, Func<Scoped, Task<T>> work)
    {
        await using var scope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var s = scope.ServiceProvider;
        var who = s.GetRequiredService<OrgScope>().AsSystem(tenant, suppressAudit: true);
        var db = s.GetRequiredService<LianxinDb>();
        if (userId is { } id)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.UserName).FirstAsync();
            who.SetUser(id, user ?? "", tenant, await db.RoleGrants.AsNoTracking().Where(g => g.UserId == id).ToListAsync(), null);
        }
        return await work(new Scoped(s, db));
    }

    static T Ok<T>(Outcome<T> o, string what) =>
        o.IsOk ? o.Value! : throw new InvalidOperationException($"演示专项行动 {what}：{o.Message ?? string.Join("；", o.Errors?.SelectMany(e => e.Value) ?? [])}");
}
