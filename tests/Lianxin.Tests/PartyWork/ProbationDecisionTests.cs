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
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.PartyWork;

/// <summary>
/// At the end of probation the higher committee may extend it (转正 falls due later) or cancel it (取消预备党员资格): the roster, which took
/// the person on at the approval, ends their record with that reason through the event, keeping the history.
/// </summary>
[Collection(AppCollection.Name)]
public class ProbationDecisionTests(LianxinApp app)
{
    static int seq = 400;

    async Task<T> As<T>(Func<LianxinDb, IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(sp.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(sp.GetRequiredService<LianxinDb>(), sp);
    }

    /// <summary>Someone admitted at the branch meeting on 2024-10-10 and approved on 2024-11-20, put on the roster by the event.</summary>
    async Task<(RecruitSaved Recruit, OrgUnitRef Branch)> Probationary(FakeTimeProvider clock, string name)
    {
        var branch = new RecruitPipelineTests(app).GridBranch();
        var r = (await As((db, sp) => RegisterApplication.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<MemberDirectory>(),
            sp.GetRequiredService<PersonalData>(), clock, new ApplicationInput
            {
                BranchId = branch.Id, Name = name, IdNumber = CitizenIds.Make("330195", new DateOnly(1994, 3, 3), Interlocked.Increment(ref seq)), AppliedOn = new DateOnly(2023, 1, 3),
            }, default))).Value!;
        foreach (var (code, on) in new[] { ("talk", new DateOnly(2023, 1, 20)), ("activist", new DateOnly(2023, 3, 1)), ("candidate", new DateOnly(2024, 3, 1)),
                     ("review", new DateOnly(2024, 5, 1)), ("training", new DateOnly(2024, 6, 1)), ("publicity", new DateOnly(2024, 9, 1)),
                     ("admit", new DateOnly(2024, 10, 10)), ("approve", new DateOnly(2024, 11, 20)), ("oath", new DateOnly(2024, 12, 1)) })
            r = await Step(clock, r, code, on);
        await app.RunJobAsync<EventDispatchJob>();
        return (r, branch);
    }

    async Task<RecruitSaved> Step(TimeProvider clock, RecruitSaved r, string code, DateOnly on, int? months = null)
    {
        var o = await As((db, _) => RecordStep.HandleAsync(db, clock, r.Id, new StepInput { StepCode = code, On = on, Version = r.Version, Contacts = "李建国、周玉兰", ExtendMonths = months }, [], default));
        Assert.True(o.IsOk, $"{code}: {o.Message}");
        return o.Value!;
    }

    [Fact]
    public async Task Cancelling_probation_ends_the_roster_record_with_the_reason_and_keeps_the_days_before()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 20, 2, 0, 0, TimeSpan.Zero));
        var (r, branch) = await Probationary(clock, "取消资格测试");
        Assert.True(app.WithDb(db => db.Members.Single(m => m.Id == r.Id).OnRoster));

        await Step(clock, r, "cancel", new DateOnly(2025, 10, 15));
        Assert.Equal(RecruitState.Cancelled, app.WithDb(db => db.Recruits.Single(x => x.Id == r.Id).State));
        // The roster learns of it through the event, not before the dispatch.
        Assert.Equal(MemberStatus.Normal, app.WithDb(db => db.Members.Single(m => m.Id == r.Id).Status));
        await app.RunJobAsync<EventDispatchJob>();

        var member = app.WithDb(db => db.Members.Single(m => m.Id == r.Id));
        Assert.Equal((MemberStatus.Disqualified, new DateOnly(2025, 10, 15)), (member.Status, member.StatusSince));
        var change = app.WithDb(db => db.MemberStatusChanges.Where(c => c.MemberId == r.Id).OrderBy(c => c.On).Last());
        Assert.Equal(((MemberStatus?)MemberStatus.Normal, MemberStatus.Disqualified, "取消预备党员资格"), (change.From, change.To, change.Reason));
        Assert.Equal("取消预备党员资格", MemberStatus.Disqualified.Chinese());
        var (onDayBefore, onDay) = await As(async (_, sp) =>
        {
            var members = sp.GetRequiredService<MemberDirectory>();
            return (await members.RosterOnAsync(branch.Path, new DateOnly(2025, 10, 14), default), await members.RosterOnAsync(branch.Path, new DateOnly(2025, 10, 15), default));
        });
        Assert.Contains(r.Id, onDayBefore);
        Assert.DoesNotContain(r.Id, onDay);

        // Delivered again, nothing more is written.
        app.WithDb(db => db.OutboxEvents.Where(e => e.Payload.Contains(r.Id.ToString())).ExecuteUpdate(s => s.SetProperty(e => e.DispatchedAt, (DateTime?)null)));
        await app.RunJobAsync<EventDispatchJob>();
        Assert.Equal(2, app.WithDb(db => db.MemberStatusChanges.Count(c => c.MemberId == r.Id)));
    }

    [Fact]
    public async Task Extending_probation_moves_the_day_confirmation_falls_due_and_reminds_again_then()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 12, 2, 0, 0, TimeSpan.Zero));
        var (r, _) = await Probationary(clock, "延长预备期测试");
        Assert.Equal(("confirm", (DateOnly?)new DateOnly(2025, 10, 10)), app.WithDb(db => db.Recruits.Where(x => x.Id == r.Id).Select(x => new ValueTuple<string?, DateOnly?>(x.NextCode, x.NextDueOn)).Single()));
        await As((db, _) => new RecruitReminderJob(db, clock).RunOnceAsync(db.Scope.TenantId, default));
        var reminded = app.WithDb(db => db.Recruits.Single(x => x.Id == r.Id));
        Assert.Equal("confirm", reminded.RemindedCode);
        r = r with { Version = reminded.Version };

        r = await Step(clock, r, "extend", new DateOnly(2025, 10, 11), months: 6);
        var recruit = app.WithDb(db => db.Recruits.Single(x => x.Id == r.Id));
        Assert.Equal((6, (DateOnly?)new DateOnly(2026, 4, 10), (string?)null), (recruit.ExtendedMonths, recruit.NextDueOn, recruit.RemindedCode));
        var early = await As((db, _) => RecordStep.HandleAsync(db, clock, r.Id, new StepInput { StepCode = "confirm", On = new DateOnly(2025, 10, 12), Version = r.Version }, [], default));
        Assert.Equal(OutcomeKind.Conflict, early.Kind);
        Assert.Contains("最早可于 2026-04-10", early.Message);
        var again = await As((db, _) => RecordStep.HandleAsync(db, clock, r.Id, new StepInput { StepCode = "extend", On = new DateOnly(2025, 10, 12), ExtendMonths = 3, Version = r.Version }, [], default));
        Assert.Equal("预备期只能延长一次（《中国共产党章程》第七条）。", again.Message);

        clock.SetUtcNow(new DateTimeOffset(2026, 4, 11, 2, 0, 0, TimeSpan.Zero));
        await As((db, _) => new RecruitReminderJob(db, clock).RunOnceAsync(db.Scope.TenantId, default));
        Assert.Equal(2, app.WithDb(db => db.Notifications.Count(n => n.Source == "partywork.reminders" && n.Body.StartsWith("延长预备期测试"))));
    }
}
