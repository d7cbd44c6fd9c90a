using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// The three lists of 和平社区 and 东湖街道: a dozen needs and resources, matches, projects (one done on time, one late, the rest
/// running), project and annual agreements with fulfilment and ratings, and last year's annual review; all through the use cases.
/// The liaison's 东湖供电所 has an open obligation to report and open needs to answer.
/// </summary>
public static class DemoCoBuildingLoop
{
    record NeedSeed(string Title, SupplyKind Kind, int Quantity, string Measure, int DaysLeft, string Place, bool AtStreet, string Detail);
    record ResourceSeed(string Unit, string Title, SupplyKind Kind, int Quantity, string Measure, int Months, string Detail);

    static readonly NeedSeed[] NeedSeeds =
    [
        new("老旧小区楼道灯具更换", SupplyKind.Skills, 12, "幢", 30, "和平里小区 1–12 幢", false, "楼道声控灯损坏较多，老人夜间上下楼不便，需要电工上门检修更换。"),
        new("暑期青少年托管场地", SupplyKind.Venue, 1, "处", 45, "和平社区", false, "双职工家庭孩子暑期无人看管，需要一处能容纳 30 名学生的学习活动场地。"),
        new("独居老人助餐志愿者", SupplyKind.Volunteers, 20, "人次", 60, "和平社区长者食堂", false, "每天中午为行动不便的独居老人送餐上门，需要固定的志愿者轮值。"),
        new("社区义诊与健康讲座", SupplyKind.Skills, 4, "场", 90, "和平社区党群服务中心", false, "每季度一次，重点是高血压、糖尿病的慢病管理。"),
        new("防汛应急物资", SupplyKind.Equipment, 50, "件", 20, "和平社区防汛仓库", false, "雨衣、应急灯、沙袋等，汛期前补齐。"),
        new("困难家庭学生助学金", SupplyKind.Funds, 20000, "元", 120, "和平社区", false, "资助辖区 10 名困难家庭学生每人 2000 元。"),
        new("防范电信诈骗宣传", SupplyKind.Skills, 3, "场", 40, "和平社区文化广场", false, "面向老年人讲解常见骗局，需要懂金融的讲师。"),
        new("电动自行车充电桩维修", SupplyKind.Equipment, 6, "台", 25, "和平里小区车棚", false, "车棚 6 台充电桩故障，居民私拉电线充电有隐患。"),
        new("街道文明实践志愿服务", SupplyKind.Volunteers, 40, "人次", 75, "东湖街道新时代文明实践所", true, "周末文明劝导、垃圾分类督导。"),
        new("老年人智能手机课堂", SupplyKind.Skills, 6, "课时", 50, "和平社区老年学堂", false, "教老人用手机挂号、缴费、视频通话。"),
        new("社区议事厅设备更新", SupplyKind.Equipment, 2, "套", 100, "和平社区议事厅", false, "投影仪和音响老化，议事会、党课时经常出故障。"),
        new("小区微更新共建资金", SupplyKind.Funds, 50000, "元", 150, "和平里小区", false, "用于口袋公园、休闲座椅和宣传栏改造。"),
    ];

    static readonly ResourceSeed[] ResourceSeeds =
    [
        new("青禾供电公司东湖供电所", "党员电工志愿服务队", SupplyKind.Skills, 20, "幢", 6, "8 名党员电工，周末可上门检修楼道照明和公共用电。"),
        new("青禾供电公司东湖供电所", "充电桩检修", SupplyKind.Equipment, 10, "台", 6, "免费检修小区电动自行车充电设施。"),
        new("青禾供电公司东湖供电所", "安全用电宣讲", SupplyKind.Skills, 4, "场", 12, "讲解家庭安全用电和电动车充电安全。"),
        new("青禾区第一中学", "暑期开放教室", SupplyKind.Venue, 2, "处", 3, "暑假期间开放两间教室和阅览室，配空调。"),
        new("青禾区人民医院东湖分院", "党员医生义诊", SupplyKind.Skills, 6, "场", 12, "全科和心内科医生，每场半天。"),
        new("东湖农商银行和平支行", "金融知识讲师", SupplyKind.Skills, 5, "场", 12, "防范电信诈骗、养老金安全讲座。"),
        new("东湖农商银行和平支行", "公益助学资金", SupplyKind.Funds, 30000, "元", 12, "年度公益预算中用于助学的部分。"),
        new("绿城物业和平里项目部", "物业党员志愿者", SupplyKind.Volunteers, 30, "人次", 6, "物业党员每周可出 2–3 人参加社区服务。"),
        new("和平社区志愿者协会", "助老志愿者", SupplyKind.Volunteers, 60, "人次", 12, "协会 40 名注册志愿者，可承担送餐、陪诊。"),
        new("青禾数码科技有限公司", "青年讲师（智能手机）", SupplyKind.Skills, 8, "课时", 6, "公司青年党员轮流授课。"),
        new("青禾数码科技有限公司", "捐赠投影与音响", SupplyKind.Equipment, 2, "套", 3, "公司更新下来的会议设备，九成新。"),
        new("老王便民超市", "防汛物资折价供应", SupplyKind.Equipment, 30, "件", 2, "雨衣、手电按进价供应并免费送货。"),
    ];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var ct = CancellationToken.None;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var today = clock.Today();
        var units = await db.PartnerUnits.AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.Id, ct);

        var needs = new List<Guid>();
        foreach (var n in NeedSeeds)
            needs.Add(Ok(await PublishNeed.HandleAsync(db, org, clock, new NeedInput
            {
                UnitId = n.AtStreet ? street.Id : community.Id, Title = n.Title, Kind = n.Kind, Quantity = n.Quantity, Measure = n.Measure,
                Deadline = today.AddDays(n.DaysLeft), Place = n.Place, Detail = n.Detail,
            }, ct), n.Title).Id);
        var resources = new List<Guid>();
        foreach (var r in ResourceSeeds)
            resources.Add(Ok(await PublishResource.HandleAsync(db, clock, new ResourceInput
            {
                PartnerUnitId = units[r.Unit], Title = r.Title, Kind = r.Kind, Quantity = r.Quantity, Measure = r.Measure, AvailableFrom = today.AddDays(-10),
                AvailableTo = today.AddMonths(r.Months), Detail = r.Detail,
            }, ct), r.Title).Id);

        // Matches: lamps ← electricians (all 12), summer venue ← school, meals ← association (part), clinics ← doctors, student aid ← bank.
        async Task<Guid> Match(int need, int resource, int quantity) =>
            Ok(await ConfirmMatch.HandleAsync(db, clock, needs[need], new MatchRequest { ResourceId = resources[resource], Quantity = quantity }, ct), NeedSeeds[need].Title).Id;
        var lamps = await Match(0, 0, 12);
        var venue = await Match(1, 3, 1);
        await Match(2, 8, 12);
        var clinics = await Match(3, 4, 4);
        await Match(5, 6, 20000);

        async Task<Guid> Project(string title, string goal, decimal budget, int startDaysAgo, int lengthDays, Guid[] matches, string[] parties, (string, int)[] milestones) =>
            Ok(await CreateProject.HandleAsync(db, org, clock, new ProjectInput
            {
                UnitId = community.Id, Title = title, Goal = goal, Budget = budget, StartOn = today.AddDays(-startDaysAgo), EndOn = today.AddDays(-startDaysAgo + lengthDays),
                MatchIds = [.. matches], PartnerUnitIds = parties.Select(p => units[p]).ToList(),
                Milestones = milestones.Select(m => new MilestoneInput { Title = m.Item1, DueOn = today.AddDays(-startDaysAgo + m.Item2) }).ToList(),
            }, ct), title).Id;
        var lampProject = await Project("“点亮楼道”照明改造", "一个月内完成和平里 12 幢楼道照明检修，楼道灯完好率达到 100%。", 3600, 10, 30, [lamps], [],
            [("完成 1–6 幢", 10), ("完成 7–12 幢", 25)]);
        var summer = await Project("“红领巾”暑期托管", "为 30 名双职工家庭孩子提供暑期托管，每周五天。", 15000, 5, 60, [venue], ["和平社区志愿者协会"],
            [("招募学生与志愿者", 7), ("结营汇报", 58)]);
        var clinic = await Project("健康和平·季度义诊", "全年 4 场义诊，建立 200 名慢病老人健康档案。", 8000, 200, 150, [clinics], [], [("第一场义诊", 20), ("第二场义诊", 110)]);
        var safety = await Project("安全用电进万家", "入户宣讲安全用电，排查老旧线路 300 户。", 5000, 120, 60, [], ["青禾供电公司东湖供电所", "绿城物业和平里项目部"],
            [("宣讲 2 场", 30)]);
        Ok(await FinishProject.HandleAsync(db, clock, clinic, new DoneRequest { DoneOn = today.AddDays(-60), Version = 0 }, ct), "义诊完成");
        Ok(await FinishProject.HandleAsync(db, clock, safety, new DoneRequest { DoneOn = today.AddDays(-40), Version = 0 }, ct), "安全用电完成");

        // Agreements: the lamps project (the liaison's unit still owes its report), this year's and last year's annual commitments.
        await Agreement("“点亮楼道”照明改造共建协议", AgreementKind.Project, lampProject, today.AddDays(-9),
            [("青禾供电公司东湖供电所", "派党员电工完成 12 幢楼道照明检修更换", 20), (null, "社区提供灯具并组织居民配合入户", 5)], fulfil: [1]);
        await Agreement("“红领巾”暑期托管共建协议", AgreementKind.Project, summer, today.AddDays(-4),
            [("青禾区第一中学", "开放两间教室和阅览室", 55), ("和平社区志愿者协会", "每天安排 2 名志愿者看护", 55)], fulfil: []);
        var lastYear = today.Year - 1;
        await Agreement($"{lastYear} 年度和平社区共驻共建协议", AgreementKind.Annual, null, new DateOnly(lastYear, 1, 15),
            [("青禾供电公司东湖供电所", "全年开展安全用电宣讲 4 场", 300), ("东湖农商银行和平支行", "资助困难学生 10 名", 240),
             ("青禾区人民医院东湖分院", "开展义诊 4 场", 330), ("绿城物业和平里项目部", "完成小区消防通道整治", 180), ("青禾数码科技有限公司", "开设老年人智能手机课堂 8 课时", 200)],
            fulfil: [0, 1, 2, 4], rate: [5, 4, 5, 0, 3]);
        await Agreement($"{today.Year} 年度和平社区共驻共建协议", AgreementKind.Annual, null, new DateOnly(today.Year, 1, 1) > today ? today : new DateOnly(today.Year, 1, 1),
            [("青禾供电公司东湖供电所", "全年开展安全用电宣讲 4 场", 360), ("和平社区志愿者协会", "助老送餐志愿服务不少于 200 人次", 360)], fulfil: []);
        Ok(await RunAnnualReview.HandleAsync(db, org, clock, new AnnualReviewRequest { UnitId = community.Id, Year = lastYear }, ct), "年度评议");

        async Task Agreement(string title, AgreementKind kind, Guid? project, DateOnly signed, (string? Unit, string Content, int DueDays)[] obligations, int[] fulfil,
            int[]? rate = null)
        {
            var id = Ok(await CreateAgreement.HandleAsync(db, org, clock, new AgreementInput
            {
                Title = title, Kind = kind, ProjectId = project, UnitId = community.Id, Year = signed.Year, SignedOn = signed,
                Obligations = obligations.Select(o => new ObligationInput { PartnerUnitId = o.Unit is null ? null : units[o.Unit], Content = o.Content, DueOn = signed.AddDays(o.DueDays) }).ToList(),
            }, ct), title).Id;
            var rows = Ok(await GetAgreement.HandleAsync(db, org, id, ct), title).Obligations;
            foreach (var i in fulfil)
            {
                var o = rows.First(x => x.Content == obligations[i].Content);
                var on = new[] { o.DueOn.AddDays(-3), today }.Min();
                Ok(await ReportFulfilment.HandleAsync(db, clock, o.Id, new FulfilmentRequest { FulfilledOn = on, Note = "已按协议完成，详见现场记录。", Version = o.Version }, null, ct), o.Content);
                if (rate is { } r && r[i] > 0)
                    Ok(await RateFulfilment.HandleAsync(db, o.Id, new RatingRequest { Rating = r[i], Comment = r[i] >= 5 ? "居民满意，效果好。" : "完成较好。", Version = o.Version + 1 }, ct), o.Content);
            }
        }
    }

    static T Ok<T>(Outcome<T> o, string what) => o.IsOk ? o.Value!
        : throw new InvalidOperationException($"演示共建清单 {what}：{o.Message ?? string.Join("；", o.Errors?.SelectMany(e => e.Value) ?? [])}");
}
