using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.PartyWork;

/// <summary>
/// 发展党员: the configured procedure refuses a step out of order or before its minimum interval (naming the rule), the higher
/// committee's approval puts the person on the roster as 预备党员 with history, and 转正 makes them a full member.
/// </summary>
[Collection(AppCollection.Name)]
public class RecruitPipelineTests(LianxinApp app)
{
    static int seq = 100;
    static string NewId(DateOnly birth) => CitizenIds.Make("330197", birth, Interlocked.Increment(ref seq));

    /// <summary>Runs use cases as the district's system on <paramref name="clock"/>.</summary>
    async Task<T> As<T>(TimeProvider clock, Func<LianxinDb, IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(sp.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(sp.GetRequiredService<LianxinDb>(), sp);
    }

    Task<Outcome<RecruitSaved>> Apply(TimeProvider clock, Guid branchId, string name, DateOnly on, string? phone = null) => As(clock, (db, sp) =>
        RegisterApplication.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<MemberDirectory>(), sp.GetRequiredService<PersonalData>(),
            clock, new ApplicationInput { BranchId = branchId, Name = name, IdNumber = NewId(new DateOnly(1995, 5, 5)), AppliedOn = on, Phone = phone }, default));

    async Task<RecruitSaved> Step(TimeProvider clock, RecruitSaved r, string code, DateOnly on, string? contacts = null)
    {
        var o = await As(clock, (db, _) => RecordStep.HandleAsync(db, clock, r.Id, new StepInput { StepCode = code, On = on, Version = r.Version, Contacts = contacts }, [], default));
        Assert.True(o.IsOk, $"{code}: {o.Message}");
        return o.Value!;
    }

    Task<Outcome<RecruitSaved>> TryStep(TimeProvider clock, RecruitSaved r, string code, DateOnly on) =>
        As(clock, (db, _) => RecordStep.HandleAsync(db, clock, r.Id, new StepInput { StepCode = code, On = on, Version = r.Version, Contacts = "李建国、周玉兰" }, [], default));

    internal OrgUnitRef GridBranch() => app.WithScope(sp =>
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var u = db.OrgUnits.Single(x => x.ShortName == "和平社区党委");
        var b = db.OrgUnits.Where(x => x.ParentId == u.Id && x.BranchKind == Lianxin.Web.Modules.Organizations.Contracts.BranchKind.Grid).OrderBy(x => x.Path).Skip(2).First();
        return new OrgUnitRef(b.Id, b.ParentId, b.Path, b.Depth, b.Kind, b.BranchKind, b.Name, b.ShortName, b.Code, b.Status);
    });

    [Fact]
    public async Task A_step_out_of_order_or_before_its_minimum_interval_is_refused_with_the_rule()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var branch = GridBranch();
        var r = (await Apply(clock, branch.Id, "顺序测试", new DateOnly(2026, 2, 20))).Value!;

        var skipped = await TryStep(clock, r, "activist", new DateOnly(2026, 3, 1));
        Assert.Equal(OutcomeKind.Conflict, skipped.Kind);
        Assert.Equal("不符合发展程序的先后顺序：下一步应为“党组织派人谈话”，不能办理“确定为入党积极分子”。", skipped.Message);

        r = await Step(clock, r, "talk", new DateOnly(2026, 3, 1));
        r = await Step(clock, r, "activist", new DateOnly(2026, 3, 1), "李建国、周玉兰");

        // Eleven months later the activist may not yet be a candidate; the refusal names the rule and the earliest day.
        clock.SetUtcNow(new DateTimeOffset(2027, 2, 27, 2, 0, 0, TimeSpan.Zero));
        var early = await TryStep(clock, r, "candidate", new DateOnly(2027, 2, 27));
        Assert.Equal(OutcomeKind.Conflict, early.Kind);
        Assert.Equal("不符合“入党积极分子经过一年以上培养教育和考察方可列为发展对象”的规定：最早可于 2027-03-01 办理“列为发展对象”。", early.Message);
        Assert.Equal("activist", app.WithDb(db => db.Recruits.Single(x => x.Id == r.Id).StepCode));

        clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero));
        r = await Step(clock, r, "candidate", new DateOnly(2027, 3, 1));
        Assert.Equal(RecruitStage.Candidate, app.WithDb(db => db.Recruits.Single(x => x.Id == r.Id).Stage));
    }

    [Fact]
    public async Task An_activist_needs_contact_persons_and_a_date_not_in_the_future()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var r = (await Apply(clock, GridBranch().Id, "联系人测试", new DateOnly(2026, 2, 1))).Value!;
        r = await Step(clock, r, "talk", new DateOnly(2026, 2, 10));
        var none = await As(clock, (db, _) => RecordStep.HandleAsync(db, clock, r.Id, new StepInput { StepCode = "activist", On = new DateOnly(2026, 3, 2), Version = r.Version }, [], default));
        Assert.Equal(OutcomeKind.Invalid, none.Kind);
        Assert.Equal(["确定入党积极分子时须指定培养联系人。"], none.Errors!["Contacts"]);
        Assert.Equal(["办理日期不能晚于今天。"], none.Errors!["On"]);
    }

    [Fact]
    public async Task Approval_by_the_higher_committee_puts_the_person_on_the_roster_and_confirmation_makes_them_full()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 5, 2, 0, 0, TimeSpan.Zero));
        var branch = GridBranch();
        var phone = "1370" + Random.Shared.Next(1000000, 9999999);
        var r = (await Apply(clock, branch.Id, "接收测试", new DateOnly(2023, 1, 3), phone)).Value!;
        r = await Step(clock, r, "talk", new DateOnly(2023, 1, 20));
        r = await Step(clock, r, "activist", new DateOnly(2023, 3, 1), "李建国、周玉兰");
        foreach (var (code, on) in new[] { ("candidate", new DateOnly(2024, 3, 1)), ("review", new DateOnly(2024, 5, 1)), ("training", new DateOnly(2024, 6, 1)),
                     ("publicity", new DateOnly(2024, 9, 1)), ("admit", new DateOnly(2024, 10, 10)), ("approve", new DateOnly(2024, 11, 20)) })
            r = await Step(clock, r, code, on);

        // The roster learns of it through the event: nothing before the dispatch, then the member with its history.
        Assert.False(app.WithDb(db => db.Members.Any(m => m.Id == r.Id)));
        await app.RunJobAsync<EventDispatchJob>();
        var member = app.WithDb(db => db.Members.Single(m => m.Id == r.Id));
        Assert.Equal(("接收测试", MemberCategory.Probationary, new DateOnly(2024, 10, 10), branch.Id), (member.Name, member.Category, member.JoinedOn, member.BranchId));
        Assert.Equal(new DateOnly(1995, 5, 5), member.BirthDate);
        // The phone is sealed in the pipeline, in the stored event and on the roster, where the whole number still finds the member (ADR 0030).
        var pd = app.Services.GetRequiredService<PersonalData>();
        var recruitPhone = app.WithDb(db => db.Recruits.Single(x => x.Id == r.Id).PhoneCipher)!;
        Assert.Equal(phone, pd.OpenPhone(recruitPhone));
        Assert.DoesNotContain(phone[3..], recruitPhone);
        var stored = app.WithDb(db => db.OutboxEvents.Single(e => e.Type == "ProbationaryMemberAdmitted" && e.Payload.Contains(r.Id.ToString())).Payload);
        Assert.DoesNotContain(phone[3..], stored);
        Assert.Equal(phone, pd.OpenPhone(member.PhoneCipher));
        Assert.Equal(pd.PhoneHash(phone), member.PhoneHash);
        var onRoster = await As(clock, (db, sp) => sp.GetRequiredService<MemberDirectory>().RosterOnAsync(branch.Path, new DateOnly(2024, 10, 10), default));
        var before = await As(clock, (db, sp) => sp.GetRequiredService<MemberDirectory>().RosterOnAsync(branch.Path, new DateOnly(2024, 10, 9), default));
        Assert.Contains(r.Id, onRoster);
        Assert.DoesNotContain(r.Id, before);
        Assert.Equal(TransferKind.Joined, app.WithDb(db => db.MemberTransfers.Single(t => t.MemberId == r.Id).Kind));

        // Delivered twice, it still is one member.
        app.WithDb(db => db.OutboxEvents.Where(e => e.Payload.Contains(r.Id.ToString())).ExecuteUpdate(s => s.SetProperty(e => e.DispatchedAt, (DateTime?)null)));
        await app.RunJobAsync<EventDispatchJob>();
        Assert.Equal(1, app.WithDb(db => db.Members.Count(m => m.Name == "接收测试")));

        r = await Step(clock, r, "oath", new DateOnly(2024, 12, 1));
        clock.SetUtcNow(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero));
        var early = await TryStep(clock, r, "confirm", new DateOnly(2025, 10, 9));
        Assert.Contains("预备期为一年，自支部大会通过之日算起，期满方可转正", early.Message);
        clock.SetUtcNow(new DateTimeOffset(2025, 10, 12, 2, 0, 0, TimeSpan.Zero));
        r = await Step(clock, r, "confirm", new DateOnly(2025, 10, 10));
        await app.RunJobAsync<EventDispatchJob>();
        member = app.WithDb(db => db.Members.Single(m => m.Id == r.Id));
        Assert.Equal((MemberCategory.Full, (DateOnly?)new DateOnly(2025, 10, 10)), (member.Category, member.FullMemberOn));
        Assert.Equal(RecruitState.Confirmed, app.WithDb(db => db.Recruits.Single(x => x.Id == r.Id).State));
    }

    [Fact]
    public async Task A_branch_secretary_records_steps_but_only_the_higher_committee_approves()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var grid = await app.ApiAs("grid");
        var branchId = app.WithDb(db => { var u = db.Users.Single(x => x.UserName == "grid").Id; return db.RoleGrants.Single(g => g.UserId == u).OrgUnitId; });
        var created = await grid.PostAsJsonAsync("/api/v1/partywork/recruits", new { branchId, name = "接口测试", idNumber = NewId(new DateOnly(1997, 2, 2)), appliedOn = today.AddYears(-3) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        async Task<HttpResponseMessage> Post(HttpClient c, string step, DateOnly on)
        {
            var v = (await c.GetFromJsonAsync<JsonElement>($"/api/v1/partywork/recruits/{id}")).GetProperty("version").GetInt32();
            return await c.PostAsJsonAsync($"/api/v1/partywork/recruits/{id}/steps", new { stepCode = step, on, version = v, contacts = "李建国、周玉兰" });
        }
        var skipped = await Post(grid, "candidate", today);
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        Assert.Contains("不符合发展程序的先后顺序", await skipped.Content.ReadAsStringAsync());
        foreach (var (step, on) in new[] { ("talk", today.AddYears(-3)), ("activist", today.AddYears(-3)), ("candidate", today.AddYears(-2)), ("review", today.AddYears(-2)),
                     ("training", today.AddYears(-2)), ("publicity", today.AddYears(-2)), ("admit", today.AddMonths(-1)) })
            Assert.Equal(HttpStatusCode.OK, (await Post(grid, step, on)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(grid, "approve", today)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(await app.ApiAs("secretary"), "approve", today)).StatusCode);

        // Out of scope: the neighbouring community's secretary does not find the person.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/partywork/recruits/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_branch_is_reminded_once_when_a_step_falls_due()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
        var branch = GridBranch();
        var r = (await Apply(clock, branch.Id, "提醒测试", new DateOnly(2026, 6, 1))).Value!;
        Assert.Equal(new DateOnly(2026, 7, 1), app.WithDb(db => db.Recruits.Single(x => x.Id == r.Id).NextDueOn));

        int Notices() => app.WithDb(db => db.Notifications.Count(n => n.Source == "partywork.reminders" && n.Body.StartsWith("提醒测试")));
        Task<int> Run() => As(clock, (db, _) => new RecruitReminderJob(db, clock).RunOnceAsync(db.Scope.TenantId, default));
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 29, 2, 0, 0, TimeSpan.Zero));
        await Run();
        Assert.Equal(0, Notices());
        clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 2, 0, 0, TimeSpan.Zero));
        await Run();
        await Run();
        Assert.Equal(1, Notices());
        var n = app.WithDb(db => db.Notifications.Single(x => x.Source == "partywork.reminders" && x.Body.StartsWith("提醒测试")));
        Assert.Equal((branch.Id, $"/partywork/recruits/{r.Id}"), (n.RecipientUnitId!.Value, n.Link));
        Assert.Contains("“党组织派人谈话”办理期限已到（2026-07-01）", n.Body);
    }
}
