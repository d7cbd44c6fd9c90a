using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Demands;

/// <summary>Demands through the API on the shared demo database; every test files its own demands.</summary>
[Collection(AppCollection.Name)]
public class DemandsApiTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>和平社区, a compound in the demo grid leader's grid, and the street's categories.</summary>
    record Place(Guid StreetId, Guid CommunityId, Guid CompoundId, Dictionary<string, Guid> Categories, Guid CityDept, Guid HousingDept);

    Place Heping() => app.WithDb(db =>
    {
        var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var gridUser = db.Users.First(u => u.UserName == "grid");
        var gridBranch = db.RoleGrants.First(g => g.UserId == gridUser.Id).OrgUnitId;
        var grid = db.Grids.First(g => g.BranchId == gridBranch);
        var compound = db.Compounds.First(c => c.GridId == grid.Id && c.BranchId == null);
        var cats = db.DemandCategories.Where(c => c.StreetId == community.ParentId).ToDictionary(c => c.Name, c => c.Id);
        var depts = db.OrgUnits.Where(u => u.ParentId == community.ParentId && u.Kind == OrgKind.Department).ToDictionary(u => u.ShortName, u => u.Id);
        return new Place(community.ParentId!.Value, community.Id, compound.Id, cats, depts["城管科"], depts["住建科"]);
    });

    static object Filing(Place p, string category, string phone = "13812345678", string text = "小区门口垃圾堆放多日无人清理，影响出行。") => new
    {
        communityId = p.CommunityId, categoryId = p.Categories[category], description = text, compoundId = p.CompoundId,
        contactName = "测试居民甲", contactPhone = phone,
    };

    async Task<(Guid Id, string Ticket)> FileAsync(HttpClient client, object filing, string url = "/api/v1/public/demands")
    {
        var r = await client.PostAsJsonAsync(url, filing);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var j = await Json(r);
        return (j.GetProperty("id").GetGuid(), j.GetProperty("ticketNo").GetString()!);
    }

    static async Task<JsonElement> Detail(HttpClient api, Guid id) => await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}");

    static async Task<JsonElement> Act(HttpClient api, Guid id, string action, string? note = null)
    {
        var version = (await Detail(api, id)).GetProperty("version").GetInt32();
        var r = await api.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action, note, version });
        Assert.True(r.IsSuccessStatusCode, $"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await Json(r);
    }

    [Fact]
    public async Task A_demand_goes_from_public_intake_up_to_a_department_and_back_to_the_residents_rating()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var (id, ticket) = await FileAsync(anon, Filing(p, "环境卫生", "13811112222"));
        Assert.Matches("^SQ\\d{8}[2-9A-Z]{6}$", ticket);

        var grid = await app.ApiAs("grid");
        var d = await Detail(grid, id);
        Assert.Equal("Grid", d.GetProperty("level").GetString());
        Assert.Equal("Submitted", d.GetProperty("state").GetString());
        Assert.Contains("Escalate", d.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("Dispatch", d.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // Escalating needs a reason; without one nothing changes.
        var noReason = await grid.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action = "Escalate", version = d.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请说明上报原因", await noReason.Content.ReadAsStringAsync());
        Assert.Equal("Grid", (await Detail(grid, id)).GetProperty("level").GetString());

        await Act(grid, id, "Accept", "网格员已到现场查看。");
        await Act(grid, id, "Escalate", "垃圾清运需社区协调环卫公司。");
        // The grid no longer handles it: acting again is forbidden, though it still sees the demand.
        var gridAgain = await grid.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action = "Resolve", note = "x", version = (await Detail(grid, id)).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, gridAgain.StatusCode);

        var secretary = await app.ApiAs("secretary");
        Assert.Equal("Community", (await Detail(secretary, id)).GetProperty("level").GetString());
        await Act(secretary, id, "Escalate", "环卫公司拒不清运，需街道协调执法。");

        var street = await app.ApiAs("street");
        var atStreet = await Detail(street, id);
        Assert.Equal("Street", atStreet.GetProperty("level").GetString());
        Assert.Contains("Dispatch", atStreet.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var dispatch = await street.PostAsJsonAsync($"/api/v1/demands/{id}/dispatch",
            new { departmentIds = new[] { p.CityDept }, request = "请城管科督促环卫清运并处罚乱倒行为。", version = atStreet.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, dispatch.StatusCode);
        Assert.Equal("Dispatched", (await Json(dispatch)).GetProperty("state").GetString());

        // The department officer sees the dispatch (not the demand itself) and reports back.
        var officer = await app.ApiAs("officer");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        var inbox = await officer.GetFromJsonAsync<JsonElement>("/api/v1/demands/dispatches");
        var mine = inbox.EnumerateArray().Single(x => x.GetProperty("ticketNo").GetString() == ticket).GetProperty("dispatch");
        Assert.DoesNotContain("13811112222", inbox.GetRawText());
        var dispatchId = mine.GetProperty("id").GetGuid();
        var accept = await officer.PostAsJsonAsync($"/api/v1/demands/dispatches/{dispatchId}", new { action = "DepartmentAccept", version = mine.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var report = await officer.PostAsJsonAsync($"/api/v1/demands/dispatches/{dispatchId}",
            new { action = "DepartmentReport", note = "已责令环卫公司当日清运，并对乱倒行为立案。", version = (await Json(accept)).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("Accepted", (await Json(report)).GetProperty("demandState").GetString());

        await Act(street, id, "Resolve", "垃圾已清运，城管科已立案处罚。");

        // The resident rates it on the public side; 不满意 reopens it once.
        var wrongPhone = await anon.PostAsJsonAsync($"/api/v1/public/demands/{ticket}/rating?phoneTail=0000", new { rating = "Satisfied" });
        Assert.Equal(HttpStatusCode.NotFound, wrongPhone.StatusCode);
        var noNote = await anon.PostAsJsonAsync($"/api/v1/public/demands/{ticket}/rating?phoneTail=2222", new { rating = "Unsatisfied" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var unhappy = await anon.PostAsJsonAsync($"/api/v1/public/demands/{ticket}/rating?phoneTail=2222", new { rating = "Unsatisfied", note = "第二天又堆满了。" });
        Assert.Equal("Accepted", (await Json(unhappy)).GetProperty("state").GetString());
        await Act(street, id, "Resolve", "增设垃圾桶并调整清运频次为每日两次。");
        var second = await anon.PostAsJsonAsync($"/api/v1/public/demands/{ticket}/rating?phoneTail=2222", new { rating = "Unsatisfied", note = "还是不满意。" });
        Assert.Equal("Closed", (await Json(second)).GetProperty("state").GetString());

        var final = await Detail(street, id);
        Assert.Equal("Closed", final.GetProperty("state").GetString());
        Assert.Equal(1, final.GetProperty("reopenCount").GetInt32());
        var actions = final.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()).ToList();
        Assert.Equal(["Submit", "Accept", "Escalate", "Escalate", "Dispatch", "DepartmentAccept", "DepartmentReport", "Note", "Resolve", "Rate", "Reopen", "Resolve", "Rate"], actions);
        Assert.All(final.GetProperty("steps").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("actor").GetString())));
        Assert.Contains(final.GetProperty("steps").EnumerateArray(), s => s.GetProperty("actor").GetString() == "officer" && s.GetProperty("unit").GetString() == "城管科");

        // Closed: no more handling.
        var late = await street.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action = "Accept", version = final.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task A_community_sees_its_own_demands_only()
    {
        var p = Heping();
        var (id, ticket) = await FileAsync(app.CreateClient(), Filing(p, "物业管理"));
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        var act = await neighbour.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action = "Accept", version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        var list = await neighbour.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={ticket}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var own = await (await app.ApiAs("secretary")).GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={ticket}");
        Assert.Equal(1, own.GetProperty("total").GetInt32());
        Assert.Equal("Submitted", app.WithDb(db => db.Demands.First(d => d.Id == id).State.ToString()));
        // Staff may not record demands for a community outside their scope.
        var foreign = await neighbour.PostAsJsonAsync("/api/v1/demands", Filing(p, "物业管理"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task A_grid_leader_records_demands_for_the_compounds_of_their_grid_and_is_told_so_otherwise()
    {
        var p = Heping();
        var grid = await app.ApiAs("grid");
        var text = "走访中居民反映：楼道堆物堵塞消防通道。" + Guid.NewGuid().ToString("N")[..6];
        var own = await grid.PostAsJsonAsync("/api/v1/demands", Filing(p, "物业管理", text: text));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);

        var noCompound = await grid.PostAsJsonAsync("/api/v1/demands", new
        {
            communityId = p.CommunityId, categoryId = p.Categories["物业管理"], description = text + "（另一条）", address = "社区广场", contactName = "测试居民乙", contactPhone = "13812340000",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noCompound.StatusCode);
        Assert.Contains("请选择小区", await noCompound.Content.ReadAsStringAsync());
        var otherGrid = app.WithDb(db =>
        {
            var ownGrid = db.Compounds.First(x => x.Id == p.CompoundId).GridId;
            return db.Compounds.First(c => c.CommunityId == p.CommunityId && c.BranchId == null && c.GridId != ownGrid).Id;
        });
        var notOurs = await grid.PostAsJsonAsync("/api/v1/demands", new
        {
            communityId = p.CommunityId, categoryId = p.Categories["物业管理"], description = text + "（别的网格）", compoundId = otherGrid, contactName = "测试居民丙", contactPhone = "13812340001",
        });
        Assert.Equal(HttpStatusCode.BadRequest, notOurs.StatusCode);
        Assert.Contains("所选小区不在您负责的网格（小区）内。", await notOurs.Content.ReadAsStringAsync());
        Assert.Equal(1, app.WithDb(db => db.Demands.Count(d => d.Description.StartsWith(text))));
    }

    [Fact]
    public async Task Public_tracking_shows_progress_without_personal_data()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var (id, ticket) = await FileAsync(anon, new
        {
            communityId = p.CommunityId, categoryId = p.Categories["设施维修"], description = "单元门门禁坏了，陌生人随意进出。",
            compoundId = p.CompoundId, contactName = "欧阳秀兰", contactPhone = "13698765432",
        });
        await Act(await app.ApiAs("secretary"), id, "Accept", "已联系物业维修门禁。");

        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/public/demands/track?ticket={ticket}&phoneTail=1234")).StatusCode);
        var r = await anon.GetAsync($"/api/v1/public/demands/track?ticket={ticket.ToLowerInvariant()}&phoneTail=5432");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await r.Content.ReadAsStringAsync();
        var t = JsonDocument.Parse(body).RootElement;
        Assert.Equal("办理中", t.GetProperty("state").GetString());
        Assert.Equal(["提交诉求", "受理"], t.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.DoesNotContain("欧阳秀兰", body);
        Assert.DoesNotContain("13698765432", body);
        Assert.DoesNotContain("secretary", body);
        Assert.DoesNotContain("5432", body);
    }

    [Fact]
    public async Task A_resubmitted_filing_with_the_same_idempotency_key_creates_one_demand()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var key = Guid.NewGuid().ToString();
        var marker = key[..8];
        var filing = Filing(p, "养老服务", text: "幂等测试：希望增加老年助餐点。" + marker);
        HttpRequestMessage Post() => new(HttpMethod.Post, "/api/v1/public/demands") { Content = JsonContent.Create(filing), Headers = { { "Idempotency-Key", key } } };
        var first = await anon.SendAsync(Post());
        var second = await anon.SendAsync(Post());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await Json(first)).GetProperty("ticketNo").GetString(), (await Json(second)).GetProperty("ticketNo").GetString());
        Assert.Equal(1, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));
    }

    [Fact]
    public async Task A_duplicate_is_merged_and_its_resident_is_pointed_to_the_other_ticket()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var (first, firstTicket) = await FileAsync(anon, Filing(p, "物业管理", "13822223333", "小区大门门禁坏了，外来车辆随意进出。"));
        var (dup, dupTicket) = await FileAsync(anon, Filing(p, "物业管理", "13844445555", "大门门禁坏了好几天，外来车辆乱停。"));
        var secretary = await app.ApiAs("secretary");
        var v = (await Detail(secretary, dup)).GetProperty("version").GetInt32();
        var self = await secretary.PostAsJsonAsync($"/api/v1/demands/{dup}/merge", new { targetTicketNo = dupTicket, version = v });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var merged = await secretary.PostAsJsonAsync($"/api/v1/demands/{dup}/merge", new { targetTicketNo = firstTicket.ToLowerInvariant(), version = v });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal("Merged", (await Json(merged)).GetProperty("state").GetString());
        var track = await anon.GetFromJsonAsync<JsonElement>($"/api/v1/public/demands/track?ticket={dupTicket}&phoneTail=5555");
        Assert.Equal("已合并", track.GetProperty("state").GetString());
        Assert.Contains(firstTicket, track.GetRawText());
        Assert.Contains((await Detail(secretary, first)).GetProperty("steps").EnumerateArray(), s => s.GetProperty("note").GetString()!.Contains(dupTicket));
        // The neighbour cannot merge into (or even find) 和平's demands.
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/demands/{first}/merge", new { targetTicketNo = dupTicket, version = 0 })).StatusCode);
    }

    [Fact]
    public async Task The_public_intake_is_rate_limited_per_client()
    {
        var p = Heping();
        using var strict = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Demands:PublicIntake:PermitLimit", "2");
            b.UseSetting("Demands:PublicIntake:WindowSeconds", "3600");
        });
        var anon = strict.CreateClient();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var filing = Filing(p, "政策咨询", text: "限流测试：咨询社保卡办理。" + marker);
        Assert.Equal(HttpStatusCode.Created, (await anon.PostAsJsonAsync("/api/v1/public/demands", filing)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anon.PostAsJsonAsync("/api/v1/public/demands", filing)).StatusCode);
        var third = await anon.PostAsJsonAsync("/api/v1/public/demands", filing);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("提交过于频繁，请稍后再试。", await third.Content.ReadAsStringAsync());
        Assert.Equal(2, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Chinese_and_files_nothing()
    {
        var p = Heping();
        var r = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", new
        {
            communityId = p.CommunityId, categoryId = p.Categories["环境卫生"], description = "坏输入测试不应保存", contactName = "", contactPhone = "12345",
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await r.Content.ReadAsStringAsync();
        Assert.Contains("联系电话格式不正确", body);
        Assert.Contains("请填写联系人称呼", body);
        Assert.Contains("请选择小区或填写地点", body);
        Assert.Equal(0, app.WithDb(db => db.Demands.Count(d => d.Description == "坏输入测试不应保存")));
    }

    [Fact]
    public async Task An_overdue_demand_escalates_by_itself_and_is_flagged_at_the_street()
    {
        var p = Heping();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var timed = app.WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        var (id, _) = await FileAsync(timed.CreateClient(), Filing(p, "政策咨询", text: "超时测试：咨询居住证办理。"));
        var due = app.WithDb(db => db.Demands.First(d => d.Id == id).ResponseDueAt!.Value);
        Assert.Equal(DemandLevel.Community, app.WithDb(db => db.Demands.First(d => d.Id == id).Level));

        // Not yet late: nothing happens.
        clock.SetUtcNow(new DateTimeOffset(due.AddMinutes(-1), TimeSpan.Zero));
        await timed.RunJobAsync<EscalationJob>();
        Assert.Equal(DemandLevel.Community, app.WithDb(db => db.Demands.First(d => d.Id == id).Level));

        clock.SetUtcNow(new DateTimeOffset(due.AddMinutes(1), TimeSpan.Zero));
        await timed.RunJobAsync<EscalationJob>();
        var escalated = app.WithDb(db => db.Demands.First(d => d.Id == id));
        Assert.Equal(DemandLevel.Street, escalated.Level);
        Assert.Equal(DemandState.Submitted, escalated.State);
        Assert.True(escalated.ResponseDueAt > due.AddMinutes(1));
        Assert.Contains(app.WithDb(db => db.DemandSteps.Where(s => s.DemandId == id).ToList()),
            s => s.Action == DemandAction.AutoEscalate && s.ActorName == "系统" && s.UnitName.Contains("和平")
                && s.Note!.StartsWith(s.UnitName + "超过响应时限未受理", StringComparison.Ordinal));

        // At the street it cannot go higher: it is flagged once.
        clock.SetUtcNow(new DateTimeOffset(escalated.ResolveDueAt!.Value.AddHours(1), TimeSpan.Zero));
        await timed.RunJobAsync<EscalationJob>();
        await timed.RunJobAsync<EscalationJob>();
        var flagged = app.WithDb(db => db.Demands.First(d => d.Id == id));
        Assert.Equal(DemandLevel.Street, flagged.Level);
        Assert.True(flagged.Overdue);
        Assert.Equal(1, app.WithDb(db => db.DemandSteps.Count(s => s.DemandId == id && s.Action == DemandAction.Overdue)));
        var overdueList = await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>("/api/v1/demands?overdue=true&pageSize=100");
        Assert.Contains(overdueList.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task One_pass_escalates_each_late_demand_of_its_batch_to_its_own_unit_with_its_own_category_limits()
    {
        var p = Heping();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var timed = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = timed.CreateClient();
        // 环境卫生 starts at the grid (4 h, 2 days), 物业管理 at the community (8 h, 5 days): the batch reads the units above,
        // the categories and the street's settings once for both (ADR 0056), and each still gets its own.
        var (grid, _) = await FileAsync(client, Filing(p, "环境卫生", text: "批量上报测试：楼下垃圾桶满溢。"));
        var (community, _) = await FileAsync(client, Filing(p, "物业管理", text: "批量上报测试：电梯停运无人维修。"));
        var late = app.WithDb(db => db.Demands.Where(d => d.Id == grid || d.Id == community).Max(d => d.ResponseDueAt!.Value)).AddMinutes(1);
        clock.SetUtcNow(new DateTimeOffset(late, TimeSpan.Zero));
        Assert.Contains(await timed.RunJobAsync<EscalationJob>(), r => !r.Idle && r.Done > 0);
        // Nothing late is left unflagged: the next pass asks the index and takes no lease (ADR 0052, 0056).
        Assert.All(await timed.RunJobAsync<EscalationJob>(), r => Assert.True(r.Idle));

        var (a, b) = app.WithDb(db => (db.Demands.First(d => d.Id == grid), db.Demands.First(d => d.Id == community)));
        Assert.Equal((DemandLevel.Community, p.CommunityId, DemandState.Submitted), (a.Level, a.HandlerUnitId, a.State));
        Assert.Equal((DemandLevel.Street, p.StreetId, DemandState.Submitted), (b.Level, b.HandlerUnitId, b.State));
        // Both from the same moment: the longer category limits give the later due times.
        Assert.Equal(late, a.LevelSince);
        Assert.Equal(late, b.LevelSince);
        Assert.True(a.ResponseDueAt < b.ResponseDueAt, $"{a.ResponseDueAt} < {b.ResponseDueAt}");
        Assert.True(a.ResolveDueAt < b.ResolveDueAt, $"{a.ResolveDueAt} < {b.ResolveDueAt}");
        Assert.Equal(2, app.WithDb(db => db.DemandSteps.Count(s => (s.DemandId == grid || s.DemandId == community) && s.Action == DemandAction.AutoEscalate)));
    }

    [Fact]
    public async Task Figures_count_received_resolved_and_satisfaction_for_a_subtree()
    {
        var street = await app.ApiAs("street");
        var p = Heping();
        var f = await street.GetFromJsonAsync<JsonElement>($"/api/v1/demands/figures?unitId={p.CommunityId}");
        Assert.True(f.GetProperty("received").GetInt32() >= 12);
        Assert.True(f.GetProperty("resolved").GetInt32() >= 3);
        Assert.True(f.GetProperty("satisfaction").GetProperty("rated").GetInt32() >= 3);
        Assert.Contains(f.GetProperty("byCategory").EnumerateArray(), c => c.GetProperty("name").GetString() == "环境卫生");
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/demands/figures?unitId={p.CommunityId}")).StatusCode);
        var bad = await street.GetAsync($"/api/v1/demands/figures?unitId={p.CommunityId}&from=2026-05-01&to=2026-04-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
