using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.PartyWork.Features.Committees;
using Lianxin.Web.Modules.PartyWork.Features.Rectification;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.PartyWork;

/// <summary>
/// 支部班子与换届: terms end by the district's rule and show up 6 and then 3 months ahead, an election replaces the committee and
/// keeps the earlier one as history, a secretary who leaves leaves the post vacant (flagged and suggested for rectification).
/// </summary>
[Collection(AppCollection.Name)]
public class CommitteesTests(LianxinApp app)
{
    static readonly DateOnly RealToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    static FakeTimeProvider ClockOn(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    async Task<T> As<T>(Func<LianxinDb, IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(sp.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(sp.GetRequiredService<LianxinDb>(), sp);
    }

    /// <summary>A branch of the street's communities: 0 和平 (the "secretary" account's), 1 幸福 ("secretary2"), 2 the others (the third first); the <paramref name="nth"/> by path.</summary>
    internal (Guid Id, string Path) Branch(int community, int nth) => app.WithDb(db =>
    {
        Guid GrantOf(string user) { var u = db.Users.Single(x => x.UserName == user).Id; return db.RoleGrants.Single(g => g.UserId == u).OrgUnitId; }
        var hepingId = GrantOf("secretary");
        var heping = db.OrgUnits.Single(u => u.Id == hepingId);
        var xingfu = GrantOf("secretary2");
        // Past 0 and 1: the street's other communities in path order, the third first, so that a test looking for a usable
        // branch goes on into the fourth when other tests have used up the third's.
        List<Guid> communities = community switch
        {
            0 => [heping.Id],
            1 => [xingfu],
            _ => db.OrgUnits.Where(u => u.ParentId == heping.ParentId && u.Kind == OrgKind.Community && u.Id != heping.Id && u.Id != xingfu).Select(u => u.Id).ToList(),
        };
        var b = db.OrgUnits.Where(u => communities.Contains(u.ParentId!.Value) && u.Kind == OrgKind.Branch).OrderBy(u => u.Path).Skip(nth).First();
        return (b.Id, b.Path);
    });

    Task<IReadOnlyList<MemberRef>> Roster(string path) => As<IReadOnlyList<MemberRef>>(async (_, sp) => await sp.GetRequiredService<MemberDirectory>().RosterAsync(path, default));

    Task<Outcome<ElectionSaved>> Elect(TimeProvider clock, Guid unitId, DateOnly on, IReadOnlyList<MemberRef> roster, bool withSecretary = true) => As((db, sp) =>
        RecordElection.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<MemberDirectory>(), clock, unitId, new ElectionInput
        {
            Kind = CommitteeKind.BranchCommittee, HeldOn = on, Meeting = "党员大会", Eligible = 8, Present = 7,
            Seats = [new() { Post = withSecretary ? "secretary" : "deputy", MemberId = roster[0].Id, Votes = 7 }, new() { Post = "organization", MemberId = roster[1].Id, Votes = 6 },
                new() { Post = "propaganda", MemberId = roster[2].Id, Votes = 6 }],
        }, default));

    Task<ExpiryList> Expiries(TimeProvider clock, Guid unitId, ExpiryFilter filter) =>
        As(async (db, sp) => (await ListExpiries.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), clock, unitId, filter, default)).Value!);

    [Fact]
    public async Task A_term_is_listed_six_and_then_three_months_before_it_ends_and_the_unit_is_reminded_once_each_time()
    {
        var (branchId, path) = Branch(2, 0);
        var held = RealToday.AddDays(1);
        var clock = ClockOn(held);
        var saved = await Elect(clock, branchId, held, await Roster(path));
        Assert.True(saved.IsOk, saved.Message);
        // The district's rule: a branch committee serves five years.
        Assert.Equal(held.AddYears(5), saved.Value!.TermEndsOn);
        var ends = saved.Value.TermEndsOn;

        var earlier = app.WithDb(db => db.Notifications.Count(n => n.Source == "partywork.terms" && n.RecipientUnitId == branchId));
        int Notices() => app.WithDb(db => db.Notifications.Count(n => n.Source == "partywork.terms" && n.RecipientUnitId == branchId)) - earlier;
        async Task<ExpiryRow?> DueOn(DateOnly day)
        {
            clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            await As((db, _) => new TermReminderJob(db, clock).RunOnceAsync(db.Scope.TenantId, default));
            return (await Expiries(clock, branchId, ExpiryFilter.Due)).Rows.SingleOrDefault(r => r.UnitId == branchId);
        }

        Assert.Null(await DueOn(ends.AddMonths(-6).AddDays(-1)));
        Assert.Equal(0, Notices());
        var six = await DueOn(ends.AddMonths(-6));
        Assert.Equal((TermStatus.WithinSixMonths, "6 个月内届满", ends), (six!.Status, six.StatusName, six.TermEndsOn));
        Assert.Equal(1, Notices());
        Assert.Equal(TermStatus.WithinSixMonths, (await DueOn(ends.AddMonths(-3).AddDays(-1)))!.Status);
        Assert.Equal(1, Notices());
        var three = await DueOn(ends.AddMonths(-3));
        Assert.Equal((TermStatus.WithinThreeMonths, 2), (three!.Status, Notices()));
        var past = await DueOn(ends);
        Assert.Equal((TermStatus.Expired, 2), (past!.Status, Notices()));
        var note = app.WithDb(db => db.Notifications.Where(n => n.Source == "partywork.terms" && n.RecipientUnitId == branchId).OrderBy(n => n.CreatedAt).Skip(earlier).First());
        Assert.Contains($"任期至 {ends:yyyy-MM-dd} 届满，距届满不足 6 个月", note.Body);
        Assert.Equal($"/partywork/committees/{branchId}", note.Link);
    }

    [Fact]
    public async Task An_election_replaces_the_committee_and_keeps_the_earlier_one_with_its_members_as_history()
    {
        var (branchId, path) = Branch(0, 4);
        var roster = await Roster(path);
        var secretary = await app.ApiAs("secretary");
        async Task<HttpResponseMessage> Elect(DateOnly on, params (string Post, Guid Member)[] seats) =>
            await secretary.PostAsJsonAsync($"/api/v1/partywork/units/{branchId}/elections", new
            {
                kind = "BranchCommittee", heldOn = on, meeting = "党员大会", eligible = 8, present = 8,
                seats = seats.Select(s => new { post = s.Post, memberId = s.Member, votes = 8 }),
            });
        var first = await Elect(RealToday.AddDays(-10), ("secretary", roster[0].Id), ("organization", roster[1].Id));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await Elect(RealToday, ("secretary", roster[2].Id), ("organization", roster[1].Id), ("discipline", roster[3].Id));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var unit = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/partywork/units/{branchId}/committees");
        var current = unit.GetProperty("current").EnumerateArray().Single();
        Assert.Equal(RealToday.ToString("yyyy-MM-dd"), current.GetProperty("termStart").GetString());
        Assert.Equal([$"书记 {roster[2].Name}", $"组织委员 {roster[1].Name}", $"纪检委员 {roster[3].Name}"],
            current.GetProperty("seats").EnumerateArray().Select(s => $"{s.GetProperty("postName").GetString()} {s.GetProperty("name").GetString()}"));
        var earlier = unit.GetProperty("history").EnumerateArray().First();
        Assert.Equal((RealToday.AddDays(-10).ToString("yyyy-MM-dd"), RealToday.ToString("yyyy-MM-dd")),
            (earlier.GetProperty("termStart").GetString(), earlier.GetProperty("endedOn").GetString()));
        Assert.Equal([roster[0].Name, roster[1].Name], earlier.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.All(earlier.GetProperty("seats").EnumerateArray(), s => Assert.Equal("换届", s.GetProperty("leftReason").GetString()));
        // The demo's committee of the branch is history too: every term stays.
        Assert.True(unit.GetProperty("history").GetArrayLength() >= 2);
        Assert.Equal(1, app.WithDb(db => db.Committees.Count(c => c.UnitId == branchId && c.Current)));
    }

    [Fact]
    public async Task A_secretary_who_leaves_leaves_the_post_vacant_flagged_and_suggested_for_rectification_until_it_is_filled()
    {
        // A branch of the third community with six members on its roster, no committee elected after today and no open rectification
        // (other tests elect committees, start rectifications, add branches and move members).
        var (branchId, path) = Branch(2, 0);
        var roster = await Roster(path);
        bool Unusable(Guid unit) => roster.Count < 6 || app.WithDb(db => db.Committees.Any(c => c.UnitId == unit && c.Current && c.TermStart > RealToday)
            || db.BranchRectifications.Any(r => r.UnitId == unit && r.State == RectifyState.Open)); // a unit under rectification is not suggested again
        for (var nth = 1; Unusable(branchId); nth++) { (branchId, path) = Branch(2, nth); roster = await Roster(path); }
        var clock = ClockOn(RealToday);
        var elected = await Elect(clock, branchId, RealToday, roster);
        Assert.True(elected.Value is not null, $"{elected.Kind} {elected.Message} {string.Join("; ", elected.Errors?.SelectMany(e => e.Value) ?? [])}");
        var saved = elected.Value!;
        Assert.DoesNotContain((await Expiries(clock, branchId, ExpiryFilter.Vacant)).Rows, r => r.UnitId == branchId);

        var street = await app.ApiAs("street");
        var seat = app.WithDb(db => db.PartyCommitteeSeats.Single(s => s.CommitteeId == saved.CommitteeId && s.Post == "secretary"));
        var left = await street.PostAsJsonAsync($"/api/v1/partywork/seats/{seat.Id}/vacate", new { on = RealToday, reason = "工作调动" });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);

        var vacant = (await Expiries(clock, branchId, ExpiryFilter.Vacant)).Rows.Single(r => r.UnitId == branchId);
        Assert.True(vacant.VacantSecretary);
        Assert.Null(vacant.Head);
        var list = await street.GetFromJsonAsync<JsonElement>($"/api/v1/partywork/committees?unitId={branchId}&filter=Vacant");
        Assert.Equal(1, list.GetProperty("vacant").GetInt32());
        var candidates = await street.GetFromJsonAsync<JsonElement>("/api/v1/partywork/rectifications/candidates");
        var mine = candidates.EnumerateArray().SingleOrDefault(c => c.GetProperty("unitId").GetGuid() == branchId);
        Assert.True(mine.ValueKind == JsonValueKind.Object, app.WithDb(db =>
            $"{candidates.GetArrayLength()} candidates; open plans {db.BranchRectifications.Count(r => r.UnitId == branchId && r.State == RectifyState.Open)}; " +
            $"criteria {string.Join(",", db.RectifyCriteria.Select(c => c.Code + ":" + c.Active + ":" + c.Check))}; " +
            $"unit {db.OrgUnits.Where(u => u.Id == branchId).Select(u => u.Status + " " + u.Path).Single()}; " +
            $"current {string.Join(",", db.Committees.Where(c => c.UnitId == branchId && c.Current).Select(c => c.Kind + " " + c.TermStart))}"));
        Assert.Contains("vacant_secretary", mine.GetProperty("reasonCodes").EnumerateArray().Select(x => x.GetString()));
        Assert.Contains("书记空缺", mine.GetProperty("findings").EnumerateArray().Select(x => x.GetString()));

        var filled = await street.PostAsJsonAsync($"/api/v1/partywork/committees/{saved.CommitteeId}/seats", new { post = "secretary", memberId = roster[4].Id, on = RealToday });
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        Assert.DoesNotContain((await Expiries(clock, branchId, ExpiryFilter.Vacant)).Rows, r => r.UnitId == branchId);
        var again = await street.PostAsJsonAsync($"/api/v1/partywork/committees/{saved.CommitteeId}/seats", new { post = "secretary", memberId = roster[5].Id, on = RealToday });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Another_community_does_not_find_the_committees_and_bad_input_changes_nothing()
    {
        var (branchId, path) = Branch(0, 5);
        var roster = await Roster(path);
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/partywork/units/{branchId}/committees")).StatusCode);
        var good = new { kind = "BranchCommittee", heldOn = RealToday, meeting = "党员大会", eligible = 8, present = 8, seats = new[] { new { post = "secretary", memberId = roster[0].Id, votes = 8 } } };
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/partywork/units/{branchId}/elections", good)).StatusCode);

        int Committees() => app.WithDb(db => db.Committees.Count(c => c.UnitId == branchId));
        var before = Committees();
        var secretary = await app.ApiAs("secretary");
        var bad = await secretary.PostAsJsonAsync($"/api/v1/partywork/units/{branchId}/elections", new
        {
            kind = "BranchCommittee", heldOn = RealToday.AddDays(3), meeting = "", eligible = 10, present = 7,
            seats = new[] { new { post = "chairman", memberId = roster[0].Id, votes = 7 }, new { post = "organization", memberId = roster[1].Id, votes = 3 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("选举日期不能晚于今天。", errors.GetProperty("HeldOn")[0].GetString());
        Assert.Equal("有选举权的到会人数须超过应到会人数的五分之四，选举方为有效。", errors.GetProperty("Present")[0].GetString());
        Assert.Equal("第 1 行：请选择党支部委员会的职务。", errors.GetProperty("Seats[0].Post")[0].GetString());
        Assert.Equal("第 2 行：赞成票须超过实到会人数的一半方可当选。", errors.GetProperty("Seats[1].Votes")[0].GetString());
        Assert.True(errors.TryGetProperty("Meeting", out _));
        // A member of another community's roster cannot sit on this branch's committee.
        var stranger = (await Roster(Branch(1, 0).Path))[0];
        var foreign = await secretary.PostAsJsonAsync($"/api/v1/partywork/units/{branchId}/elections",
            new { kind = "BranchCommittee", heldOn = RealToday, meeting = "党员大会", eligible = 8, present = 8, seats = new[] { new { post = "secretary", memberId = stranger.Id, votes = 8 } } });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(before, Committees());
        Assert.Equal(1, app.WithDb(db => db.Committees.Count(c => c.UnitId == branchId && c.Current)));
    }
}
