using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.Reviews;

/// <summary>星级楼组: a round that scores buildings gives them stars of their own, leaving the units' 五星支部 alone.</summary>
[Collection(AppCollection.Name)]
public class StarBuildingsTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A one-section 星级楼组 rubric of 100 points (3★ 80, 4★ 90) owned by the street; its id.</summary>
    static async Task<Guid> RubricAsync(HttpClient street, Guid streetId, string purpose = "StarBuilding")
    {
        var r = await street.PostAsJsonAsync("/api/v1/reviews/rubrics", new
        {
            ownerUnitId = streetId, name = $"星级楼组细则{Guid.NewGuid().ToString("N")[..4]}", purpose,
            definition = new
            {
                sections = new[] { new { code = "A", title = "楼组建设", weight = 1.0 } },
                items = new object[]
                {
                    new { code = "A1", section = "A", title = "党员中心户亮身份", type = "Scored", max = 60.0 },
                    new { code = "A2", section = "A", title = "楼道整洁、邻里和睦", type = "Scored", max = 40.0 },
                },
                bonusCap = 0.0, vetoEffect = "Zero", stars = new[] { new { level = 3, minScore = 80.0 }, new { level = 4, minScore = 90.0 } },
            },
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await Json(r)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_building_round_gives_its_buildings_stars_and_leaves_the_branch_five_star_award_alone()
    {
        var (streetId, branch, buildings) = app.WithDb(db =>
        {
            var s = db.OrgUnits.First(u => u.ShortName == "东湖街道党工委");
            var heping = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            // A compound branch of its own with two buildings, so that its stars and its buildings' can be told apart.
            var b = db.Unit(heping, OrgKind.Branch, "星级楼组测试支部" + Guid.NewGuid().ToString("N")[..4], BranchKind.Compound);
            var compound = new Compound { TenantId = b.TenantId, CommunityId = heping.Id, OrgPath = b.Path, Name = "测试花园" + Guid.NewGuid().ToString("N")[..4], BranchId = b.Id };
            var one = new Building { TenantId = b.TenantId, CompoundId = compound.Id, OrgPath = b.Path, Name = "2号楼", Floors = 6 };
            var two = new Building { TenantId = b.TenantId, CompoundId = compound.Id, OrgPath = b.Path, Name = "10号楼", Floors = 6 };
            db.Compounds.Add(compound);
            db.Buildings.AddRange(one, two);
            db.SaveChanges();
            return (s.Id, b, new[] { (one.Id, $"{compound.Name} 2号楼"), (two.Id, $"{compound.Name} 10号楼") });
        });
        var street = await app.ApiAs("street");
        var award = await street.PostAsJsonAsync($"/api/v1/reviews/units/{branch.Id}/stars/award",
            new { programme = "FiveStar", level = 5, awardingBody = "中共青禾区委组织部", reason = "命名年度五星支部" });
        Assert.Equal(HttpStatusCode.OK, award.StatusCode);

        var rubricId = await RubricAsync(street, streetId);
        var reviewer = RoundSetup.UserId(app, "reviewer");
        object Round(Guid rubric, params Guid[] ids) => new
        {
            ownerUnitId = streetId, name = "和平社区星级楼组评定" + Guid.NewGuid().ToString("N")[..4], rubricId = rubric, aggregation = "Mean", target = "Buildings",
            units = ids.Select(id => new { unitId = id }), panel = new[] { new { userId = reviewer, panelRole = "评委" } },
        };

        // A building round needs a 星级楼组 rubric and buildings of the owner's compounds (an org unit is no building).
        var quarterly = await street.PostAsJsonAsync("/api/v1/reviews/rounds", Round(await RubricAsync(street, streetId, "Quarterly"), buildings[0].Item1));
        Assert.Equal(HttpStatusCode.BadRequest, quarterly.StatusCode);
        Assert.Contains("星级楼组", await quarterly.Content.ReadAsStringAsync());
        var notBuilding = await street.PostAsJsonAsync("/api/v1/reviews/rounds", Round(rubricId, branch.Id));
        Assert.Equal(HttpStatusCode.BadRequest, notBuilding.StatusCode);
        Assert.Contains("楼栋", await notBuilding.Content.ReadAsStringAsync());

        var created = await street.PostAsJsonAsync("/api/v1/reviews/rounds", Round(rubricId, buildings[0].Item1, buildings[1].Item1));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var roundId = (await Json(created)).GetProperty("id").GetGuid();
        var detail = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}");
        Assert.Equal("Buildings", detail.GetProperty("target").GetString());
        Assert.Equal(buildings.Select(b => b.Item2), detail.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitName").GetString()));

        await RoundSetup.MoveAsync(app, roundId, "open");
        var phone = await app.ApiAs("reviewer");
        var sheets = await phone.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/sheets/mine?roundId={roundId}");
        foreach (var sheet in sheets.EnumerateArray())
        {
            var first = sheet.GetProperty("unitId").GetGuid() == buildings[0].Item1;
            var saved = await phone.PutAsJsonAsync($"/api/v1/reviews/sheets/{sheet.GetProperty("id").GetGuid()}", new
            {
                entries = new Dictionary<string, object> { ["A1"] = new { value = first ? 55.0 : 40.0 }, ["A2"] = new { value = first ? 37.0 : 30.0 } },
                version = sheet.GetProperty("version").GetInt32(), submit = true,
            });
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }
        await RoundSetup.MoveAsync(app, roundId, "close");
        await RoundSetup.MoveAsync(app, roundId, "publish");

        var top = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/buildings/{buildings[0].Item1}/stars");
        Assert.Equal(4, top.GetProperty("level").GetInt32()); // 92
        Assert.Equal(buildings[0].Item2, top.GetProperty("name").GetString());
        Assert.Equal("星级楼组", top.GetProperty("history")[0].GetProperty("programmeName").GetString());
        Assert.Equal(0, (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/buildings/{buildings[1].Item1}/stars")).GetProperty("level").GetInt32()); // 70

        // The branch the compound belongs to keeps its 五星支部 and gains no 星级楼组 ladder of its own.
        var unit = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{branch.Id}/stars");
        Assert.Equal(5, unit.GetProperty("levels").GetProperty("FiveStar").GetInt32());
        Assert.False(unit.GetProperty("levels").TryGetProperty("StarBuilding", out _));

        // The community sees its buildings' stars; a neighbouring community neither the list entry nor the building.
        var list = await (await app.ApiAs("secretary")).GetFromJsonAsync<JsonElement>("/api/v1/reviews/buildings/stars");
        Assert.Equal(4, list.EnumerateArray().Single(b => b.GetProperty("buildingId").GetGuid() == buildings[0].Item1).GetProperty("level").GetInt32());
        var neighbour = await app.ApiAs("secretary2");
        Assert.DoesNotContain((await neighbour.GetFromJsonAsync<JsonElement>("/api/v1/reviews/buildings/stars")).EnumerateArray(),
            b => b.GetProperty("buildingId").GetGuid() == buildings[0].Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/reviews/buildings/{buildings[0].Item1}/stars")).StatusCode);

        // The building's page and the list show it.
        var page = await (await app.PagesAs("secretary")).GetStringAsync($"/reviews/buildings/{buildings[0].Item1}/stars");
        Assert.Contains(buildings[0].Item2, page);
        Assert.Contains("4 星", page);
    }
}
