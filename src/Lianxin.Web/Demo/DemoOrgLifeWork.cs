using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features.Dispatch;
using Lianxin.Web.Modules.OrgLife.Features.Plans;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// 日走访·周调度 in 和平社区: a month of household visits by the grid leaders and the community's social worker (one raised a
/// demand), last week's dispatch meeting with its action items (one closed), and the first grid branch's plan for the year.
/// </summary>
public static class DemoOrgLifeWork
{
    static readonly string[] Findings =
    [
        "家中老人身体尚好，子女在外地，已留联系卡。", "反映楼道堆放杂物，已当场提醒清理。", "新搬来的住户，已登记人口信息并介绍社区服务。",
        "询问高龄津贴办理，已告知所需材料。", "家庭和睦，无特殊诉求。", "反映单元门禁时好时坏。", "独居老人，腿脚不便，希望有人代购药品。",
        "对垃圾分类投放时间有意见，已记录。", "孩子上学接送困难，询问托管服务。", "空置房屋，邻居称户主半年回来一次。",
    ];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var places = sp.GetRequiredService<PlaceDirectory>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = g.District.TenantId;
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var firstGrid = DemoDistrict.Place(g, DemoPlace.GridBranch);
        var users = await db.Users.Where(u => u.UserName == "grid" || u.UserName == "staff").ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName));
        var rnd = new Random(1212);

        var grids = g.Units.Where(u => u.ParentId == community.Id && u.BranchKind == BranchKind.Grid).ToList();
        var visits = new List<HouseholdVisit>();
        foreach (var grid in grids)
        {
            var visitor = grid.Id == firstGrid.Id ? users["grid"] : users["staff"];
            var households = g.Households.Where(h => h.OrgPath == grid.Path).ToList();
            foreach (var h in households.Where(_ => rnd.NextDouble() < 0.35))
            {
                var building = g.Buildings.First(b => b.Id == h.BuildingId);
                var compound = g.Compounds.First(c => c.Id == building.CompoundId);
                var findings = Findings[rnd.Next(Findings.Length)];
                visits.Add(new HouseholdVisit
                {
                    TenantId = tenant, HouseholdId = h.Id, CommunityId = community.Id, OrgPath = h.OrgPath, Address = $"{compound.Name} {building.Name} {h.Unit} {h.Room}",
                    VisitedOn = today.AddDays(-rnd.Next(0, 30)), VisitorUserId = visitor.Id, VisitorName = visitor.DisplayName, Findings = findings,
                    NeedsFollowUp = findings.StartsWith("反映") || findings.StartsWith("询问"), FollowUp = findings.StartsWith("反映") ? "下周回访确认" : null, CreatedAt = now,
                });
            }
        }
        db.HouseholdVisits.AddRange(visits);
        await db.SaveChangesAsync();

        // One visit became a demand in the same step, as the phone form does it.
        var lonely = visits.First(v => v.OrgPath == firstGrid.Path);
        var category = (await sp.GetRequiredService<DemandDirectory>().CategoriesAsync(org, community.Id, default)).First();
        var household = (await places.HouseholdsAsync([lonely.HouseholdId], default)).Single();
        var raised = await sp.GetRequiredService<DemandDirectory>().RaiseFromVisitAsync(org, places, clock, new RaisedDemand(community.Id, category.Id,
            "独居老人腿脚不便，希望社区协调志愿者每周代购一次药品。", household.CompoundId, lonely.Address, "赵桂兰", "13905551234", lonely.Id), default);
        lonely.Findings = "独居老人，腿脚不便，希望有人代购药品。";
        lonely.NeedsFollowUp = true;
        lonely.DemandId = raised.Value!.Id;
        lonely.DemandTicket = raised.Value.TicketNo;
        await db.SaveChangesAsync();

        var meeting = await CreateDispatchMeeting.HandleAsync(db, org, sp.GetRequiredService<DemandDirectory>(), sp.GetRequiredService<PledgeDirectory>(), sp.GetRequiredService<ProjectDirectory>(), clock,
            new DispatchMeetingInput { CommunityId = community.Id, HeldOn = today.AddDays(-7), Notes = "社区两委、网格长、物业参加。" }, default);
        if (!meeting.IsOk) throw new InvalidOperationException($"Demo dispatch meeting: {meeting.Kind} {meeting.Message} {string.Join(";", meeting.Errors?.SelectMany(e => e.Value) ?? [])}");
        var items = new List<Guid>();
        foreach (var (title, owner, days, source) in new[]
                 {
                     ("协调志愿者为独居老人代购药品", "刘网格长", -2, raised.Value.TicketNo), ("督促物业修复 3 号楼单元门禁", "物业 陈经理", 3, (string?)null),
                     ("垃圾分类投放时间调整征求意见", "社区 王委员", 10, null),
                 })
            items.Add((await ActionItems.AddAsync(db, clock, meeting.Value!.Id, new ActionItemInput { Title = title, Owner = owner, DueOn = today.AddDays(days), SourceRef = source }, default)).Value!.Id);
        await ActionItems.CloseAsync(db, clock, items[0], new CloseItemInput { Note = "已安排两名志愿者每周三代购。" }, default);

        await GeneratePlan.HandleAsync(db, org, clock, new GeneratePlanInput { BranchId = firstGrid.Id, Year = today.Year }, default);
    }
}
