using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Deliberation;

[Collection(AppCollection.Name)]
public class MotionEscalationTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    Compound HepingCompound() => app.WithDb(db =>
    {
        var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
        return db.Compounds.Where(c => c.CommunityId == heping.Id).OrderBy(c => c.Name).First();
    });

    static object Meeting(int version, string mode, int? @for, int? against, string result, string outcome, bool pledge = false) => new
    {
        version, heldOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), place = "党群议事角", host = "主持人", participants = "业委会、物业、居民代表", participantCount = 12,
        positions = "各方意见", mode, votesFor = @for, votesAgainst = against, votesAbstain = 0, result, outcome,
        toPledge = pledge, responsiblePerson = pledge ? "街道城建办 陈主任" : null, pledgeDueOn = pledge ? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)) : (DateOnly?)null,
    };

    [Fact]
    public async Task A_resident_motion_unresolved_at_compound_and_community_is_settled_by_the_street_and_becomes_a_draft_pledge()
    {
        var compound = HepingCompound();
        var title = "楼道加装扶手" + Guid.NewGuid().ToString("N")[..6];
        var anon = app.CreateClient();
        var bad = await anon.PostAsJsonAsync("/api/v1/public/deliberation/motions", new { compoundId = compound.Id, title = "", description = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请填写议题。", await bad.Content.ReadAsStringAsync());
        var raised = await anon.PostAsJsonAsync("/api/v1/public/deliberation/motions", new { compoundId = compound.Id, title, description = "老人上下楼不方便", proposerName = "3 幢 张阿姨" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var id = (await Json(raised)).GetProperty("id").GetGuid();

        var staff = await app.ApiAs("staff");
        var m = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/deliberation/motions/{id}");
        Assert.Equal("Compound", m.GetProperty("level").GetString());
        Assert.Equal("Resident", m.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/deliberation/motions/{id}")).StatusCode);

        // Compound council: 5 for, 6 against — not settled, goes up to the community.
        var vote = await staff.PostAsJsonAsync($"/api/v1/deliberation/motions/{id}/meetings", Meeting(m.GetProperty("version").GetInt32(), "Vote", 5, 6, "Settled", "意见不一，提交社区"));
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        var afterVote = await Json(vote);
        Assert.Equal("Community", afterVote.GetProperty("level").GetString());
        Assert.Equal("Unresolved", afterVote.GetProperty("result").GetString());

        var community = await staff.PostAsJsonAsync($"/api/v1/deliberation/motions/{id}/meetings",
            Meeting(afterVote.GetProperty("version").GetInt32(), "Consensus", null, null, "Unresolved", "涉及多部门，提交街道"));
        var atStreet = await Json(community);
        Assert.Equal("Street", atStreet.GetProperty("level").GetString());
        // The community's staff still see it (it belongs to their compound) but the street's meeting is not theirs to record.
        var refused = await staff.PostAsJsonAsync($"/api/v1/deliberation/motions/{id}/meetings", Meeting(atStreet.GetProperty("version").GetInt32(), "Consensus", null, null, "Settled", "x"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var street = await app.ApiAs("street");
        var noPerson = await street.PostAsJsonAsync($"/api/v1/deliberation/motions/{id}/meetings",
            new { version = atStreet.GetProperty("version").GetInt32(), heldOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), place = "街道", host = "主任", participants = "各方", participantCount = 8, positions = "同意", mode = "Consensus", result = "Settled", outcome = "加装扶手", toPledge = true });
        Assert.Equal(HttpStatusCode.BadRequest, noPerson.StatusCode);
        Assert.Contains("转为办实事事项时请填写责任人。", await noPerson.Content.ReadAsStringAsync());
        var settled = await street.PostAsJsonAsync($"/api/v1/deliberation/motions/{id}/meetings",
            Meeting(atStreet.GetProperty("version").GetInt32(), "Consensus", null, null, "Settled", "街道协调加装楼道扶手，费用由街道民生项目列支", pledge: true));
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        Assert.Equal("Settled", (await Json(settled)).GetProperty("state").GetString());

        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/deliberation/motions/{id}");
        Assert.Equal(3, detail.GetProperty("meetings").GetArrayLength());
        Assert.Equal("Street", detail.GetProperty("settledLevel").GetString());

        await app.RunJobAsync<EventDispatchJob>();
        var pledge = app.WithDb(db => db.Pledges.Single(p => p.Title.Contains(title)));
        Assert.Equal(PledgeState.Draft, pledge.State);
        Assert.Equal("街道城建办 陈主任", pledge.ResponsiblePerson);
        var streetUnit = app.WithDb(db => db.OrgUnits.Single(u => u.Id == pledge.OrgUnitId));
        Assert.Equal(OrgKind.Street, streetUnit.Kind);

        // A draft stays off the public board until staff publish it.
        async Task<bool> OnBoard() => await InScope(async sp =>
            (await PledgeQueries.BoardAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<OrgDirectory>(), TimeProvider.System, streetUnit.Id, null, null, default))!
            .Rows.Any(r => r.Title.Contains(title)));
        Assert.False(await OnBoard());
        var published = await InScope(sp => PledgeProgress.PublishAsync(sp.GetRequiredService<LianxinDb>(), pledge.Id, new PublishPledgeRequest { Version = pledge.Version }, default));
        Assert.True(published.IsOk);
        Assert.True(await OnBoard());
    }

    /// <summary>Like <see cref="LianxinApp.WithScope{T}"/>, but the scope lives until the awaited work is done.</summary>
    async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task The_figures_count_motions_where_they_were_raised_and_the_level_that_settled_them()
    {
        var street = await app.ApiAs("street");
        var f = await street.GetFromJsonAsync<JsonElement>("/api/v1/deliberation/figures");
        var heping = f.GetProperty("motions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "和平社区党委");
        Assert.True(heping.GetProperty("motions").GetInt32() >= 3);
        Assert.True(heping.GetProperty("atCompound").GetDecimal() > 0);
        Assert.True(heping.GetProperty("atCommunity").GetDecimal() > 0);
        var coverage = f.GetProperty("coverage").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "和平社区党委");
        Assert.True(coverage.GetProperty("red").GetInt32() >= 1);
    }
}
