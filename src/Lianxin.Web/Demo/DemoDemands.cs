using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// Demo demands for 东湖街道: two departments (城管科, 住建科; the demo officer works at 城管科), the default
/// categories, and a dozen demands in every state, filed and handled through the same use cases as the app.
/// </summary>
public static class DemoDemands
{
    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var places = sp.GetRequiredService<PlaceDirectory>();
        var ct = CancellationToken.None;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var departments = new List<OrgUnit>();
        foreach (var (name, code, n) in new[] { ("城管科", "CGK", 0), ("住建科", "ZJK", 1) })
        {
            var id = Guid.CreateVersion7();
            var unit = new OrgUnit
            {
                Id = id, TenantId = street.TenantId, ParentId = street.Id, Path = OrgUnit.PathOf(street.Path, id), Depth = street.Depth + 1,
                Kind = OrgKind.Department, Name = $"{street.ShortName.Replace("党工委", "")}{name}", ShortName = name, Code = $"{street.Code}-{code}", SortOrder = 200 + n,
            };
            departments.Add(unit);
            db.OrgUnits.Add(unit);
        }
        await db.SaveChangesAsync(ct);

        // The demo officer answers dispatches to 城管科, so their grant sits at that department.
        var officer = await db.Users.FirstAsync(u => u.UserName == "officer", ct);
        var grant = await db.RoleGrants.FirstAsync(r => r.UserId == officer.Id, ct);
        grant.OrgUnitId = departments[0].Id;
        grant.OrgPath = departments[0].Path;
        await db.SaveChangesAsync(ct);

        var categories = await Categories.ForStreetAsync(db, org, street.Id, ct);
        DemandCategory Cat(string name) => categories.First(c => c.Name == name);
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var compounds = g.Compounds.Where(c => c.CommunityId == community.Id && c.GridId != null).Take(3).ToList();

        async Task<Guid> File(string category, string text, int compound, string name, string phone)
        {
            var r = await SubmitDemand.HandleAsync(db, org, places, sp.GetRequiredService<PersonalData>(), clock, new SubmitDemandRequest
            {
                CommunityId = community.Id, CategoryId = Cat(category).Id, Description = text, CompoundId = compounds[compound % compounds.Count].Id,
                ContactName = name, ContactPhone = phone,
            }, null, isPublic: true, ct);
            return r.Value!.Id;
        }
        async Task Step(Guid id, DemandAction action, string? note = null)
        {
            var v = await db.Demands.Where(d => d.Id == id).Select(d => d.Version).FirstAsync(ct);
            var r = await HandleDemand.HandleAsync(db, org, clock, id, new DemandStepRequest { Action = action, Note = note, Version = v }, ct);
            if (!r.IsOk) throw new InvalidOperationException($"demo step {action}: {r.Message}");
        }
        async Task Rate(Guid id, Satisfaction s, string? note = null) =>
            await RateDemand.ByStaffAsync(db, org, clock, id, new RateRequest { Rating = s, Note = note }, ct);

        await File("环境卫生", "3 号楼东侧垃圾桶满溢两天没人清运，气味很大。", 0, "张先生", "13800001111");
        var a = await File("设施维修", "小区北门路灯坏了一个多星期，晚上出行不安全。", 1, "李女士", "13900002222");
        await Step(a, DemandAction.Accept, "已联系物业电工，明日上午检修。");
        var b = await File("邻里纠纷", "楼上住户深夜经常有噪音，沟通多次无果。", 2, "赵先生", "13700003333");
        await Step(b, DemandAction.Accept);
        await Step(b, DemandAction.Resolve, "网格员上门调解，双方约定晚十点后不再装修。");
        await Rate(b, Satisfaction.Satisfied);
        var c = await File("物业管理", "物业费上涨未公示，希望社区协调说明。", 0, "孙女士", "13600004444");
        await Step(c, DemandAction.Accept);
        await Step(c, DemandAction.Resolve, "社区约谈物业，张贴收费公示并召开业主说明会。");
        await Rate(c, Satisfaction.BasicallySatisfied, "说明会开了，希望以后提前公示。");
        var d = await File("环境卫生", "小区门口占道经营的摊位影响通行，多次反映未解决。", 1, "周先生", "13500005555");
        await Step(d, DemandAction.Escalate, "占道经营需执法，网格无权处理。");
        await Step(d, DemandAction.Escalate, "需街道协调城管执法。");
        var dv = await db.Demands.Where(x => x.Id == d).Select(x => x.Version).FirstAsync(ct);
        await DispatchDemand.HandleAsync(db, org, clock, d, new DispatchRequest { DepartmentIds = [departments[0].Id], Request = "请城管科依法清理小区门口占道摊位。", Version = dv }, ct);
        var e = await File("设施维修", "老旧小区外墙脱落，存在安全隐患。", 2, "吴女士", "13400006666");
        await Step(e, DemandAction.Accept);
        await Step(e, DemandAction.Escalate, "外墙维修涉及专项资金，需街道统筹。");
        await Step(e, DemandAction.Accept, "街道已受理，协调住建科评估。");
        var f = await File("养老服务", "独居老人希望有助餐服务。", 0, "郑女士", "13300007777");
        await Step(f, DemandAction.Accept);
        await Step(f, DemandAction.Resolve, "已为老人登记社区长者食堂助餐服务。");
        var h = await File("政策咨询", "咨询高龄津贴申领流程。", 1, "王先生", "13200008888");
        await Step(h, DemandAction.Accept);
        await Step(h, DemandAction.Resolve, "已电话告知申领材料和办理地点。");
        await Rate(h, Satisfaction.Satisfied);
        var i = await File("物业管理", "电梯经常停运，物业维修不及时。", 2, "冯先生", "13100009999");
        await Step(i, DemandAction.Accept);
        await Step(i, DemandAction.Resolve, "已督促物业更换电梯控制板。");
        await Rate(i, Satisfaction.Unsatisfied, "换了以后还是经常停。");
        await File("邻里纠纷", "楼道堆放杂物，邻居不愿清理。", 0, "陈女士", "15800001234");
        var k = await File("政策咨询", "这不是本社区的事情，打错了。", 1, "褚先生", "15900005678");
        await Step(k, DemandAction.Return, "经核实不属于本社区辖区，已告知居民向所在社区反映。");
        await File("养老服务", "希望社区组织老年人智能手机培训。", 2, "卫女士", "15000004321");

        await SeedPledgesAsync(db, org, sp.GetRequiredService<DemandDirectory>(), clock, street, community, d, ct);
    }

    /// <summary>A few pledges on 和平社区's and 东湖街道's boards: on track, late, done; one grew out of a demand.</summary>
    static async Task SeedPledgesAsync(LianxinDb db, OrgDirectory org, DemandDirectory demands, TimeProvider clock, OrgUnit street, OrgUnit community, Guid demandId, CancellationToken ct)
    {
        var today = CreatePledge.Today(clock);
        async Task<Guid> Make(OrgUnit unit, string title, string text, PledgeOwner owner, string person, int startDaysAgo, int dueInDays, params (string, int)[] tasks)
        {
            var r = await CreatePledge.HandleAsync(db, org, clock, new CreatePledgeRequest
            {
                OrgUnitId = unit.Id, Title = title, Description = text, Owner = owner, ResponsiblePerson = person,
                StartOn = today.AddDays(-startDaysAgo), DueOn = today.AddDays(dueInDays),
                Tasks = tasks.Select(t => new PledgeTaskInput { Title = t.Item1, DueOn = today.AddDays(t.Item2) }).ToList(),
            }, ct);
            if (!r.IsOk) throw new InvalidOperationException($"demo pledge: {r.Message} {string.Join(";", r.Errors?.SelectMany(e => e.Value) ?? [])}");
            return r.Value!.Id;
        }
        async Task Progress(Guid id, int pct, int daysAgo, string note)
        {
            var v = await db.Pledges.Where(p => p.Id == id).Select(p => p.Version).FirstAsync(ct);
            await PledgeProgress.AddAsync(db, clock, id, new ProgressRequest { Percent = pct, On = today.AddDays(-daysAgo), Note = note, Version = v }, ct);
        }

        var a = await Make(community, "老旧小区加装电梯", "为和平社区 3 个老旧小区各加装 1 部电梯，解决老人上下楼难。", PledgeOwner.Leader, "社区书记 陈建国", 60, 90,
            ("征求住户意见", -30), ("完成设计与审批", 20), ("施工安装", 80));
        await PledgeProgress.TaskDoneAsync(db, clock, a, await db.PledgeTasks.Where(t => t.PledgeId == a).OrderBy(t => t.SortOrder).Select(t => t.Id).FirstAsync(ct), ct);
        await Progress(a, 20, 40, "已完成住户意见征集，同意率 92%。");
        await Progress(a, 45, 5, "设计方案已报住建部门审批。");
        var b = await Make(community, "小区门口占道摊位治理", "联合城管规范摊位，还居民通行道路。", PledgeOwner.Branch, "第一网格党支部 李红", 30, -3,
            ("摸排摊位", -20), ("设置便民疏导点", -5));
        await Progress(b, 60, 10, "已摸排摊位 23 个，疏导点选址中。");
        await PledgeProgress.LinkDemandAsync(db, demands, b, new LinkDemandRequest { TicketNo = await db.Demands.Where(x => x.Id == demandId).Select(x => x.TicketNo).FirstAsync(ct) }, ct);
        var c = await Make(community, "长者食堂助餐服务", "为 80 岁以上独居老人提供助餐。", PledgeOwner.Member, "党员 王志强", 90, -10, ("招募志愿者", -60));
        await PledgeProgress.TaskDoneAsync(db, clock, c, await db.PledgeTasks.Where(t => t.PledgeId == c).Select(t => t.Id).FirstAsync(ct), ct);
        await Progress(c, 100, 12, "长者食堂开业，已服务老人 46 名。");
        var cv = await db.Pledges.Where(p => p.Id == c).Select(p => p.Version).FirstAsync(ct);
        await PledgeProgress.CloseAsync(db, clock, c, new ClosePledgeRequest { Confirmation = "居民代表会议确认，满意率 98%。", Version = cv }, ct);
        await Make(street, "背街小巷环境整治", "整治东湖街道 12 条背街小巷的环境卫生与照明。", PledgeOwner.Leader, "街道党工委书记 周明", 20, 120,
            ("制定整治清单", 10), ("完成 6 条", 60), ("全部完成", 120));
    }
}
