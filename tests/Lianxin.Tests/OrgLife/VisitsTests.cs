using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Features.Visits;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.OrgLife;

/// <summary>日走访: a grid leader logs a visit and raises a demand in one step (the demand says 来源：入户走访); the figures; scope.</summary>
[Collection(AppCollection.Name)]
public class VisitsTests(LianxinApp app)
{
    static string Today => TimeProvider.System.Today().ToString("yyyy-MM-dd");

    /// <summary>A household of the demo grid leader's grid, and the first demand category of its street.</summary>
    (Guid Household, Guid Category) GridHousehold() => app.WithDb(db =>
    {
        var gridUser = db.Users.Single(u => u.UserName == "grid").Id;
        var grant = db.RoleGrants.Single(g => g.UserId == gridUser);
        var h = db.Households.Where(x => x.OrgPath == grant.OrgPath).OrderBy(x => x.Id).First();
        var communityId = db.OrgUnits.Single(c => c.Path == grant.OrgPath).ParentId;
        var street = db.OrgUnits.Single(u => u.Id == communityId).ParentId;
        var category = db.DemandCategories.Where(c => c.StreetId == street && c.ServiceMode == ServiceMode.None).OrderBy(c => c.SortOrder).First();
        return (h.Id, category.Id);
    });

    static object Visit(Guid household, bool raise = false, Guid? category = null, string phone = "13812345678", string findings = "独居老人，楼道灯坏了一个月，晚上出入不便。") => new
    {
        householdId = household, visitedOn = Today, findings, needsFollowUp = raise, followUp = (string?)null, raiseDemand = raise, categoryId = category,
        demandDescription = (string?)null, contactName = "张大爷", contactPhone = phone,
    };

    [Fact]
    public async Task A_grid_leader_raises_a_demand_from_a_visit_and_the_demand_shows_it_came_from_the_visit()
    {
        var (household, category) = GridHousehold();
        var grid = await app.ApiAs("grid");
        var response = await grid.PostAsJsonAsync("/api/v1/orglife/visits", Visit(household, raise: true, category: category));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        var visitId = saved.GetProperty("id").GetGuid();
        var demandId = saved.GetProperty("demandId").GetGuid();

        var demand = await (await app.ApiAs("secretary")).GetFromJsonAsync<JsonElement>($"/api/v1/demands/{demandId}");
        Assert.Equal(("Visit", "入户走访", visitId), (demand.GetProperty("source").GetString(), demand.GetProperty("sourceName").GetString(), demand.GetProperty("sourceRecordId").GetGuid()));
        Assert.Equal("独居老人，楼道灯坏了一个月，晚上出入不便。", demand.GetProperty("description").GetString());
        var page = await (await app.PagesAs("secretary")).GetStringAsync($"/demands/{demandId}");
        Assert.Contains("来源</dt><dd class=\"col-8 col-sm-9\" data-source>入户走访", page);

        var visit = await grid.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/visits/{visitId}");
        Assert.Equal(saved.GetProperty("demandTicket").GetString(), visit.GetProperty("demandTicket").GetString());
        Assert.True(visit.GetProperty("needsFollowUp").GetBoolean());
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Chinese_and_saves_neither_the_visit_nor_the_demand()
    {
        var (household, category) = GridHousehold();
        int Count() => app.WithDb(db => db.HouseholdVisits.Count() + db.Demands.Count());
        var before = Count();
        var grid = await app.ApiAs("grid");

        var badPhone = await grid.PostAsJsonAsync("/api/v1/orglife/visits", Visit(household, raise: true, category: category, phone: "12345"));
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("联系电话格式不正确", await badPhone.Content.ReadAsStringAsync());
        var noCategory = await grid.PostAsJsonAsync("/api/v1/orglife/visits", Visit(household, raise: true, findings: ""));
        var problem = await noCategory.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, noCategory.StatusCode);
        Assert.Equal("转为诉求时请选择诉求类别。", problem.GetProperty("errors").GetProperty("CategoryId")[0].GetString());
        Assert.Equal("请填写走访发现的情况。", problem.GetProperty("errors").GetProperty("Findings")[0].GetString());
        var future = await grid.PostAsJsonAsync("/api/v1/orglife/visits", new { householdId = household, visitedOn = "2099-01-01", findings = "正常" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task A_grid_leader_sees_their_grids_visits_only_and_another_community_does_not_find_them()
    {
        var (household, _) = GridHousehold();
        var other = app.WithDb(db =>
        {
            var gridUser = db.Users.Single(u => u.UserName == "grid").Id;
        var grant = db.RoleGrants.Single(g => g.UserId == gridUser);
            var communityId = db.OrgUnits.Single(b => b.Path == grant.OrgPath).ParentId;
            var community = db.OrgUnits.Single(c => c.Id == communityId);
            return db.Households.Where(h => h.OrgPath.StartsWith(community.Path) && !h.OrgPath.StartsWith(grant.OrgPath)).OrderBy(h => h.Id).First().Id;
        });
        var staff = await app.ApiAs("staff");
        var elsewhere = (await (await staff.PostAsJsonAsync("/api/v1/orglife/visits", Visit(other))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mine = (await (await (await app.ApiAs("grid")).PostAsJsonAsync("/api/v1/orglife/visits", Visit(household))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var grid = await app.ApiAs("grid");
        var list = await grid.GetFromJsonAsync<JsonElement>("/api/v1/orglife/visits");
        var ids = list.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(mine, ids);
        Assert.DoesNotContain(elsewhere, ids);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/api/v1/orglife/visits/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/orglife/visits/{mine}")).StatusCode);
        // A household outside one's grid cannot be visited from it.
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync("/api/v1/orglife/visits", Visit(other))).StatusCode);
    }

    [Fact]
    public async Task Coverage_is_the_households_visited_at_least_once_over_the_households_of_the_unit()
    {
        var (branch, households) = app.WithDb(db =>
        {
            var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
            var b = db.Unit(heping, OrgKind.Branch, "覆盖率测试支部" + Guid.NewGuid().ToString("N")[..4], BranchKind.Grid);
            var compound = db.Compounds.First(c => c.CommunityId == heping.Id);
            var building = new Building { CompoundId = compound.Id, OrgPath = b.Path, Name = "测试楼", Floors = 6 };
            db.Buildings.Add(building);
            var hs = Enumerable.Range(1, 4).Select(i => new Household { BuildingId = building.Id, OrgPath = b.Path, Unit = "1单元", Room = $"10{i}", Residents = 2 }).ToList();
            db.Households.AddRange(hs);
            db.SaveChanges();
            return (b, hs.Select(h => h.Id).ToList());
        });
        var staff = await app.ApiAs("staff");
        foreach (var h in new[] { households[0], households[0], households[1] })
            Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync("/api/v1/orglife/visits", Visit(h))).StatusCode);

        var report = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/visits?unitId={branch.Id}");
        Assert.Equal((3, 2, 4, 50.0m, 0), (report.GetProperty("total").GetInt32(), report.GetProperty("covered").GetInt32(), report.GetProperty("households").GetInt32(),
            report.GetProperty("coverage").GetDecimal(), report.GetProperty("demandsRaised").GetInt32()));
        var per = Assert.Single(report.GetProperty("perVisitor").EnumerateArray());
        Assert.Equal(3, per.GetProperty("visits").GetInt32());

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        var catalog = scope.ServiceProvider.GetRequiredService<IndicatorCatalog>();
        var today = TimeProvider.System.Today();
        var values = await catalog.ReadAsync([VisitIndicators.Coverage, VisitIndicators.Visits, VisitIndicators.VisitsPerVisitor, VisitIndicators.DemandsRaised], [branch.Path], today.AddDays(-1), today, default);
        Assert.Equal(new IndicatorValue(2, 4), values[(VisitIndicators.Coverage, branch.Path)]);
        Assert.Equal(new IndicatorValue(3), values[(VisitIndicators.Visits, branch.Path)]);
        Assert.Equal(new IndicatorValue(3, 1), values[(VisitIndicators.VisitsPerVisitor, branch.Path)]);
        Assert.Equal(new IndicatorValue(0), values[(VisitIndicators.DemandsRaised, branch.Path)]);
    }

    [Fact]
    public void The_visit_indicators_are_catalogued_with_Chinese_names_and_their_rollups()
    {
        var catalog = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().All);
        var coverage = Assert.Single(catalog, i => i.Code == "orglife.visit_coverage");
        Assert.Equal(("走访覆盖率", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums), (coverage.Name, coverage.Unit, coverage.Rollup));
        Assert.Equal(IndicatorRollup.Sum, Assert.Single(catalog, i => i.Code == "orglife.visit_demands").Rollup);
        Assert.Equal("人均走访次数", Assert.Single(catalog, i => i.Code == "orglife.visits_per_visitor").Name);
    }
}
