using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;

namespace Lianxin.Tests.Deliberation;

/// <summary>网上提议 (source 003, issue 10): a resident's proposal becomes a motion of the council of the right level.</summary>
[Collection(AppCollection.Name)]
public class ProposalTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    (Guid Community, Guid OwnCompound, Guid Branch, Guid GridCompound, Guid GridBranch, Guid OtherCommunityCompound) Places() => app.WithDb(db =>
    {
        var community = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
        var branch = db.OrgUnits.First(u => u.ParentId == community.Id && u.BranchKind == BranchKind.Compound && u.Name.StartsWith("阳光花园"));
        var own = db.Compounds.Single(c => c.BranchId == branch.Id);
        var other = db.Compounds.First(c => c.GridId == own.GridId && c.BranchId == null);
        var elsewhere = db.Compounds.First(c => c.CommunityId != community.Id);
        return (community.Id, own.Id, branch.Id, other.Id, db.Grids.Single(g => g.Id == own.GridId).BranchId!.Value, elsewhere.Id);
    });

    static object Proposal(Guid community, Guid? compound, string title, string? phone = "13912345678") => new
    {
        communityId = community, compoundId = compound, title, content = "小区空地长期闲置，建议改成口袋公园，增加座椅和健身器材。", contactName = "3 幢张阿姨", contactPhone = phone,
    };

    Motion MotionOf(Guid id) => app.WithDb(db => db.Motions.Single(m => m.Id == id));

    [Fact]
    public async Task An_anonymous_proposal_becomes_a_motion_of_the_compound_council_or_of_the_community_for_the_whole_community()
    {
        var p = Places();
        var anon = app.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..6];

        var own = await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, p.OwnCompound, "建口袋公园" + tag));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var m = MotionOf((await Json(own)).GetProperty("id").GetGuid());
        Assert.Equal((MotionSource.Proposal, MotionLevel.Compound, MotionState.Open, p.Branch, p.OwnCompound), (m.Source, m.Level, m.State, m.HandlerUnitId, m.CompoundId));
        Assert.Null(m.RaisedByUserId);
        // Kept encrypted (ADR 0030): the column holds no digit of the number.
        var pd = app.Services.GetRequiredService<PersonalData>();
        Assert.StartsWith(pd.CurrentPrefix, m.ContactPhoneCipher);
        Assert.DoesNotContain("12345678", m.ContactPhoneCipher);
        Assert.Equal("13912345678", pd.OpenPhone(m.ContactPhoneCipher));

        // A compound without its own branch goes to its grid branch's council.
        var grid = await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, p.GridCompound, "加装路灯" + tag, phone: null));
        Assert.Equal(p.GridBranch, MotionOf((await Json(grid)).GetProperty("id").GetGuid()).HandlerUnitId);

        var whole = await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, null, "社区办邻里节" + tag));
        Assert.Equal(HttpStatusCode.Created, whole.StatusCode);
        var c = MotionOf((await Json(whole)).GetProperty("id").GetGuid());
        Assert.Equal((MotionLevel.Community, p.Community, p.Community), (c.Level, c.HandlerUnitId, c.CommunityId));

        // The council that has it sees it among motions waiting for its meeting, the phone whole; the street sees the phone masked.
        var compound = await app.ApiAs("compound");
        var waiting = await compound.GetFromJsonAsync<JsonElement>("/api/v1/deliberation/motions?mine=true");
        Assert.Contains(waiting.EnumerateArray(), x => x.GetProperty("id").GetGuid() == m.Id && x.GetProperty("sourceName").GetString() == "网上提议");
        Assert.Equal("13912345678", (await compound.GetFromJsonAsync<JsonElement>($"/api/v1/deliberation/motions/{m.Id}")).GetProperty("contactPhone").GetString());
        Assert.Equal("139****5678", (await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>($"/api/v1/deliberation/motions/{m.Id}")).GetProperty("contactPhone").GetString());
    }

    [Fact]
    public async Task Bad_input_is_400_with_field_errors_in_chinese_and_files_nothing()
    {
        var p = Places();
        var anon = app.CreateClient();
        var before = app.WithDb(db => db.Motions.Count());

        var empty = await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", new { communityId = p.Community, title = " ", content = "", contactPhone = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await Json(empty)).GetProperty("errors");
        Assert.Equal("请填写提议的题目。", errors.GetProperty("Title")[0].GetString());
        Assert.StartsWith("请写下您的提议", errors.GetProperty("Content")[0].GetString());
        Assert.StartsWith("联系电话格式不正确", errors.GetProperty("ContactPhone")[0].GetString());

        var wrongPlace = await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, p.OtherCommunityCompound, "别的社区的小区"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPlace.StatusCode);
        Assert.Equal("所选小区不在该社区，请重新选择。", (await Json(wrongPlace)).GetProperty("errors").GetProperty("CompoundId")[0].GetString());

        var noCommunity = await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(Guid.NewGuid(), null, "不存在的社区"));
        Assert.Equal("请选择您所在的社区。", (await Json(noCommunity)).GetProperty("errors").GetProperty("CommunityId")[0].GetString());

        Assert.Equal(before, app.WithDb(db => db.Motions.Count()));
    }

    [Fact]
    public async Task Public_proposals_are_rate_limited_per_client()
    {
        var p = Places();
        using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Deliberation:PublicIntake:PermitLimit", "2");
            b.UseSetting("Deliberation:PublicIntake:WindowSeconds", "3600");
        });
        var anon = limited.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, null, "限流一"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, null, "限流二"))).StatusCode);
        var third = await anon.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, null, "限流三"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(0, app.WithDb(db => db.Motions.Count(m => m.Title == "限流三")));
    }

    [Fact]
    public async Task A_signed_in_resident_sees_their_proposals_and_the_state_of_each_motion_and_nobody_elses()
    {
        var p = Places();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var resident = await app.ApiAs("resident");
        var filed = await resident.PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, p.OwnCompound, "楼道加装扶手" + tag));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        await app.CreateClient().PostAsJsonAsync("/api/v1/deliberation/proposals", Proposal(p.Community, p.OwnCompound, "匿名提议" + tag));

        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/v1/deliberation/proposals/mine");
        var row = Assert.Single(mine.EnumerateArray(), x => x.GetProperty("title").GetString()!.EndsWith(tag));
        Assert.Equal("楼道加装扶手" + tag, row.GetProperty("title").GetString());
        Assert.Equal("Open", row.GetProperty("state").GetString());
        Assert.Equal("小区议事会", row.GetProperty("council").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/deliberation/proposals/mine")).StatusCode);
        var page = await (await app.PagesAs("resident")).GetStringAsync("/deliberation/proposals/mine");
        Assert.Contains("楼道加装扶手" + tag, page);
        Assert.Contains("小区议事会", page);
    }

    [Fact]
    public async Task The_front_door_and_the_demand_intake_point_to_the_proposal_form()
    {
        var anon = app.CreateClient();
        Assert.Contains("href=\"/public/proposals/new\"", await anon.GetStringAsync("/"));
        Assert.Contains("href=\"/public/proposals/new\"", await anon.GetStringAsync("/public/demands/new"));
        var p = Places();
        var form = await anon.GetStringAsync($"/public/proposals/new?community={p.Community}");
        Assert.Contains("全社区的事（不限小区）", form);
        Assert.Contains("阳光花园", form);
    }
}
