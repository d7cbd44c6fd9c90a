using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.PartyWork.Data;

namespace Lianxin.Tests.PartyWork;

/// <summary>
/// Applications come from residents volunteering (a signed-in resident applies through the branch of their compound or grid) and from
/// their demands (staff start one from a demand's ticket); the branch sees them on its pipeline board, and one person has one open application.
/// </summary>
[Collection(AppCollection.Name)]
public class ResidentApplicationTests(LianxinApp app)
{
    static int seq = 500;
    static string NewId() => CitizenIds.Make("330194", new DateOnly(1998, 8, 8), Interlocked.Increment(ref seq));
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task A_resident_applies_through_their_compounds_branch_follows_the_state_and_cannot_apply_twice()
    {
        var (gridBranchId, gridBranchName, compoundId, residentId) = app.WithDb(db =>
        {
            var gridUser = db.Users.Single(u => u.UserName == "grid").Id;
            var branchId = db.RoleGrants.Single(g => g.UserId == gridUser).OrgUnitId;
            var grid = db.Grids.First(g => g.BranchId == branchId);
            var compound = db.Compounds.Where(c => c.GridId == grid.Id && c.BranchId == null).OrderBy(c => c.Name).First();
            var name = db.OrgUnits.Single(u => u.Id == branchId).ShortName;
            return (branchId, name, compound.Id, db.Users.Single(u => u.UserName == "resident").Id);
        });
        var resident = await app.ApiAs("resident");
        var page = await resident.GetFromJsonAsync<JsonElement>("/api/v1/partywork/applications/mine");
        var choice = page.GetProperty("compounds").EnumerateArray().Single(c => c.GetProperty("value").GetString() == $"c:{compoundId}");
        Assert.Equal(gridBranchName, choice.GetProperty("branchName").GetString());

        var bad = await resident.PostAsJsonAsync("/api/v1/partywork/applications/mine", new { place = "c:" + Guid.NewGuid(), name = "", idNumber = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.Equal("请选择您所在的小区或网格（须已设立党支部）。", errors.GetProperty("Place")[0].GetString());
        Assert.Equal("请填写申请人姓名。", errors.GetProperty("Name")[0].GetString());
        Assert.True(errors.TryGetProperty("IdNumber", out _));

        var idNumber = NewId();
        var created = await resident.PostAsJsonAsync("/api/v1/partywork/applications/mine", new { place = $"c:{compoundId}", name = "居民申请人", idNumber, phone = "13700001111", note = "参加志愿服务两年。" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var recruit = app.WithDb(db => db.Recruits.Single(r => r.Id == id));
        Assert.Equal((gridBranchId, (Guid?)residentId, "居民网上申请", "apply", Today), (recruit.BranchId, recruit.UserId, recruit.Source, recruit.StepCode, recruit.StepOn));

        var mine = Assert.Single((await resident.GetFromJsonAsync<JsonElement>("/api/v1/partywork/applications/mine")).GetProperty("mine").EnumerateArray());
        Assert.Equal(("发展中", "递交入党申请书", "党组织派人谈话"), (mine.GetProperty("stateName").GetString(), mine.GetProperty("stepName").GetString(), mine.GetProperty("nextName").GetString()));

        // The branch secretary has the applicant on the board; the resident does not see the board.
        var board = await (await app.ApiAs("grid")).GetFromJsonAsync<JsonElement>("/api/v1/partywork/recruits");
        Assert.Contains(board.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.GetProperty("stepName").GetString() == "递交入党申请书");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/v1/partywork/recruits")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/partywork/recruits/{id}")).StatusCode);

        var twice = await resident.PostAsJsonAsync("/api/v1/partywork/applications/mine", new { place = $"c:{compoundId}", name = "居民申请人", idNumber = NewId() });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("您已提交过入党申请，正在办理中，请勿重复提交。", await twice.Content.ReadAsStringAsync());
        var byBranch = await (await app.ApiAs("secretary")).PostAsJsonAsync("/api/v1/partywork/recruits", new { branchId = gridBranchId, name = "居民申请人", idNumber, appliedOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, byBranch.StatusCode);
        Assert.Equal("此人已在发展党员程序中，不能重复提交入党申请。", (await Json(byBranch)).GetProperty("errors").GetProperty("IdNumber")[0].GetString());
        Assert.Equal(1, app.WithDb(db => db.Recruits.Count(r => r.UserId == residentId)));
    }

    [Fact]
    public async Task Staff_start_an_application_from_a_residents_demand_by_its_ticket()
    {
        var (branchId, ticket, demandId) = app.WithDb(db =>
        {
            var gridUser = db.Users.Single(u => u.UserName == "grid").Id;
            var branch = db.RoleGrants.Single(g => g.UserId == gridUser);
            var community = db.OrgUnits.Single(u => u.ShortName == "和平社区党委").Id;
            var demand = db.Demands.Where(d => d.CommunityId == community).OrderBy(d => d.TicketNo).First();
            return (branch.OrgUnitId, demand.TicketNo, demand.Id);
        });
        var secretary = await app.ApiAs("secretary");
        var unknown = await secretary.PostAsJsonAsync("/api/v1/partywork/recruits", new { branchId, name = "诉求申请人", idNumber = NewId(), appliedOn = Today, demandTicketNo = "NOPE-0000" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("未找到该诉求编号，或该诉求不在您的管辖范围内。", (await Json(unknown)).GetProperty("errors").GetProperty("DemandTicketNo")[0].GetString());

        var created = await secretary.PostAsJsonAsync("/api/v1/partywork/recruits", new { branchId, name = "诉求申请人", idNumber = NewId(), appliedOn = Today, demandTicketNo = ticket.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var recruit = app.WithDb(db => db.Recruits.Single(r => r.Id == id));
        Assert.Equal(((Guid?)demandId, "群众诉求"), (recruit.DemandId, recruit.Source));
    }
}
