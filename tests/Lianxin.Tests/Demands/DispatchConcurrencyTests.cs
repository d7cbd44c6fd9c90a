using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Demands;

/// <summary>Two departments answer the same whistle at the same moment, each through its own DbContext.</summary>
[Collection(AppCollection.Name)]
public class DispatchConcurrencyTests(LianxinApp app)
{
    [Fact]
    public async Task When_two_departments_report_at_once_the_last_answer_still_hands_the_demand_back_to_the_street()
    {
        var (demandId, dispatches) = await DispatchedToTwoDepartmentsAsync();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var db1 = Db(first);
        var db2 = Db(second);

        // The first department's answer has read its rows; just before it writes, the second department answers in full.
        var interleaved = false;
        db1.SavingChanges += (_, _) =>
        {
            if (interleaved) return;
            interleaved = true;
            var other = Task.Run(() => DispatchDemand.AnswerAsync(db2, Org(second), TimeProvider.System, dispatches[1].Id, Report(dispatches[1].Version), default)).GetAwaiter().GetResult();
            Assert.True(other.IsOk, other.Message);
            Assert.Equal(DemandState.Dispatched, other.Value!.DemandState); // it saw the first department still pending
        };
        var last = await DispatchDemand.AnswerAsync(db1, Org(first), TimeProvider.System, dispatches[0].Id, Report(dispatches[0].Version), default);

        Assert.True(interleaved);
        Assert.True(last.IsOk, last.Message);
        Assert.Equal(DemandState.Accepted, last.Value!.DemandState);
        var (state, reports, handedBack) = app.WithDb(db => (
            db.Demands.Single(d => d.Id == demandId).State,
            db.DemandSteps.Count(s => s.DemandId == demandId && s.Action == DemandAction.DepartmentReport),
            db.DemandSteps.Count(s => s.DemandId == demandId && s.Action == DemandAction.Note && s.Note == "各部门均已反馈，街道继续办理。")));
        Assert.Equal((DemandState.Accepted, 2, 1), (state, reports, handedBack));
    }

    static DispatchAnswerRequest Report(int version) => new() { Action = DemandAction.DepartmentReport, Note = "已到现场处置完毕。", Version = version };

    static OrgDirectory Org(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<OrgDirectory>();

    LianxinDb Db(AsyncServiceScope scope)
    {
        var tenant = app.WithDb(db => db.CurrentTenantId);
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        return scope.ServiceProvider.GetRequiredService<LianxinDb>();
    }

    /// <summary>A resident's demand taken up to the street, which whistles 城管科 and 住建科.</summary>
    async Task<(Guid DemandId, List<(Guid Id, int Version)> Dispatches)> DispatchedToTwoDepartmentsAsync()
    {
        var (communityId, compoundId, categoryId, departments) = app.WithDb(db =>
        {
            var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            var gridUser = db.Users.First(u => u.UserName == "grid");
            var gridBranch = db.RoleGrants.First(g => g.UserId == gridUser.Id).OrgUnitId;
            var compound = db.Compounds.First(c => c.GridId == db.Set<Lianxin.Web.Modules.Organizations.Domain.Grid>().First(g => g.BranchId == gridBranch).Id && c.BranchId == null);
            var category = db.DemandCategories.First(c => c.StreetId == community.ParentId && c.Name == "环境卫生");
            var depts = db.OrgUnits.Where(u => u.ParentId == community.ParentId && u.Kind == OrgKind.Department && (u.ShortName == "城管科" || u.ShortName == "住建科"))
                .Select(u => u.Id).ToArray();
            return (community.Id, compound.Id, category.Id, depts);
        });
        var filed = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", new
        {
            communityId, categoryId, compoundId, description = "楼道堆物占用消防通道，多次劝说无果。", contactName = "测试居民乙", contactPhone = "13812340000",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Act(await app.ApiAs("grid"), id, "Accept", "网格员已到现场。");
        await Act(await app.ApiAs("grid"), id, "Escalate", "需社区协调。");
        await Act(await app.ApiAs("secretary"), id, "Escalate", "需街道协调执法与物业。");
        var street = await app.ApiAs("street");
        var version = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("version").GetInt32();
        var dispatch = await street.PostAsJsonAsync($"/api/v1/demands/{id}/dispatch", new { departmentIds = departments, request = "请清理堆物并督促物业整改。", version });
        Assert.Equal(HttpStatusCode.OK, dispatch.StatusCode);
        var rows = app.WithDb(db => db.Dispatches.Where(x => x.DemandId == id).OrderBy(x => x.DepartmentName).Select(x => new { x.Id, x.Version }).ToList());
        Assert.Equal(2, rows.Count);
        return (id, rows.Select(x => (x.Id, x.Version)).ToList());
    }

    static async Task Act(HttpClient api, Guid id, string action, string note)
    {
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("version").GetInt32();
        var r = await api.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action, note, version });
        Assert.True(r.IsSuccessStatusCode, $"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }
}
