using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features.Dispatch;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.OrgLife;

/// <summary>周调度: the agenda pulls open demands (overdue first) and overdue pledges, running co-building projects; next week's meeting shows what was closed and carries the rest.</summary>
[Collection(AppCollection.Name)]
public class DispatchTests(LianxinApp app)
{
    async Task<T> AsSystem<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(scope.ServiceProvider);
    }

    Task<Outcome<DispatchMeetingSaved>> Open(Guid community, DateOnly on) => AsSystem(sp => CreateDispatchMeeting.HandleAsync(sp.GetRequiredService<LianxinDb>(),
        sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<DemandDirectory>(), sp.GetRequiredService<PledgeDirectory>(), sp.GetRequiredService<ProjectDirectory>(), TimeProvider.System,
        new DispatchMeetingInput { CommunityId = community, HeldOn = on }, default));

    Task<Outcome<ActionItemSaved>> Add(Guid meeting, string title) => AsSystem(sp => ActionItems.AddAsync(sp.GetRequiredService<LianxinDb>(), TimeProvider.System, meeting,
        new ActionItemInput { Title = title, Owner = "王主任", DueOn = TimeProvider.System.Today().AddDays(3) }, default));

    Task<Outcome<ActionItemSaved>> Close(Guid item) => AsSystem(sp => ActionItems.CloseAsync(sp.GetRequiredService<LianxinDb>(), TimeProvider.System, item, new CloseItemInput { Note = "已办" }, default));

    Task<Outcome<DispatchMeetingDetail>> Get(Guid meeting) => AsSystem(sp => GetDispatchMeeting.HandleAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<OrgDirectory>(), TimeProvider.System, meeting, default));

    [Fact]
    public async Task The_agenda_lists_overdue_demands_first_and_overdue_pledges_and_next_week_shows_closed_and_carried_items()
    {
        var today = TimeProvider.System.Today();
        var (community, overdue, open) = app.WithDb(db =>
        {
            var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
            var c = db.Unit(db.OrgUnits.Single(s => s.Id == heping.ParentId), OrgKind.Community, "调度测试社区" + Guid.NewGuid().ToString("N")[..4]);
            var first = db.Demand(c, description: "测试诉求：路灯不亮");
            var late = db.Demand(c, description: "测试诉求：化粪池外溢");
            late.Overdue = true;
            db.Demand(c, DemandState.Closed, "测试诉求：已办结的不上议程");
            db.Pledges.Add(new Pledge
            {
                OrgUnitId = c.Id, OrgPath = c.Path, Title = "修缮健身广场", ResponsiblePerson = "王主任", ResponsibleUnit = c.Name, StartOn = today.AddMonths(-2),
                DueOn = today.AddDays(-10), Progress = 40, State = PledgeState.Open, CreatedAt = DateTime.UtcNow,
            });
            db.CoProjects.Add(new CoProject
            {
                UnitId = c.Id, OrgPath = c.Path, Title = "楼道灯共建", Goal = "点亮老旧楼道", StartOn = today.AddMonths(-3), EndOn = today.AddDays(-20),
                Status = ProjectStatus.Running, CreatedAt = DateTime.UtcNow,
            });
            db.CoProjects.Add(new CoProject
            {
                UnitId = c.Id, OrgPath = c.Path, Title = "已完成的项目不上议程", Goal = "测试", StartOn = today.AddMonths(-3), EndOn = today.AddDays(-20),
                Status = ProjectStatus.Done, DoneOn = today.AddDays(-25), CreatedAt = DateTime.UtcNow,
            });
            db.SaveChanges();
            return (c, late.TicketNo, first.TicketNo);
        });

        var week1 = (await Open(community.Id, today.AddDays(-7))).Value!;
        var m1 = (await Get(week1.Id)).Value!;
        Assert.Equal([("诉求", overdue, true), ("诉求", open, false), ("承诺事项", "修缮健身广场", true), ("共建项目", "楼道灯共建", true)],
            m1.Agenda.Select(a => (a.Kind, a.Ref, a.Overdue)).ToList());
        Assert.Contains("进度 40%", m1.Agenda[2].Detail);
        var a = (await Add(week1.Id, "协调物业修复化粪池")).Value!;
        var b = (await Add(week1.Id, "联系供电所更换路灯")).Value!;
        Assert.True((await Close(a.Id)).IsOk);

        var week2 = (await Open(community.Id, today)).Value!;
        Assert.Equal(1, week2.CarriedOver);
        var m2 = (await Get(week2.Id)).Value!;
        Assert.Equal((1, 1), (m2.PreviousClosed, m2.PreviousCarried));
        Assert.Equal([("协调物业修复化粪池", ActionItemState.Closed), ("联系供电所更换路灯", ActionItemState.CarriedOver)], m2.PreviousItems.Select(i => (i.Title, i.State)).ToList());
        var carried = Assert.Single(m2.Items);
        Assert.Equal(("联系供电所更换路灯", 1, ActionItemState.Open), (carried.Title, carried.Weeks, carried.State));

        // Last week's list is history now: its carried item is closed on this week's, and nothing is added to it.
        Assert.Equal(OutcomeKind.Conflict, (await Close(b.Id)).Kind);
        Assert.Equal(OutcomeKind.Conflict, (await Add(week1.Id, "迟到的事项")).Kind);
        Assert.True((await Close(carried.Id)).IsOk);
        Assert.False((await Get(week1.Id)).Value!.IsLatest);
        // An earlier date than the latest meeting is refused.
        Assert.Equal(OutcomeKind.Invalid, (await Open(community.Id, today.AddDays(-3))).Kind);
    }

    [Fact]
    public async Task Bad_input_is_400_and_changes_nothing_and_other_communities_do_not_find_the_meeting()
    {
        var heping = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));
        int Count() => app.WithDb(db => db.DispatchMeetings.Count() + db.DispatchItems.Count());
        var before = Count();
        var staff = await app.ApiAs("staff");
        var bad = await staff.PostAsJsonAsync("/api/v1/orglife/dispatch", new { communityId = heping.Id, heldOn = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("调度会日期须在近 30 天至未来 7 天之内。", await bad.Content.ReadAsStringAsync());
        var demo = app.WithDb(db => db.DispatchMeetings.Where(m => m.CommunityId == heping.Id).OrderByDescending(m => m.HeldOn).First().Id);
        var noOwner = await staff.PostAsJsonAsync($"/api/v1/orglife/dispatch/{demo}/items", new { title = "无责任人的事项", owner = "", dueOn = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, noOwner.StatusCode);
        Assert.Equal(before, Count());

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/orglife/dispatch/{demo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/orglife/dispatch/{demo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("grid")).GetAsync($"/api/v1/orglife/dispatch/{demo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsJsonAsync("/api/v1/orglife/dispatch",
            new { communityId = heping.Id, heldOn = TimeProvider.System.Today().ToString("yyyy-MM-dd") })).StatusCode);
    }
}
