using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.PartyWork;

/// <summary>The four pipeline figures count people by the stage they were at on the period's last day, from the dated steps.</summary>
[Collection(AppCollection.Name)]
public class PartyWorkIndicatorsTests(LianxinApp app)
{
    [Fact]
    public async Task Each_figure_counts_the_people_at_its_stage_at_the_end_of_the_period()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 12, 31, 2, 0, 0, TimeSpan.Zero));
        var branch = new RecruitPipelineTests(app).GridBranch();
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(sp.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = sp.GetRequiredService<LianxinDb>();
        var seq = 700;
        async Task Person(string name, params (string Step, DateOnly On)[] steps)
        {
            var r = (await RegisterApplication.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<MemberDirectory>(), sp.GetRequiredService<PersonalData>(), clock,
                new ApplicationInput { BranchId = branch.Id, Name = name, IdNumber = CitizenIds.Make("330196", new DateOnly(1990, 1, 1), seq++), AppliedOn = steps[0].On }, default)).Value!;
            foreach (var (step, on) in steps.Skip(1))
                r = (await RecordStep.HandleAsync(db, clock, r.Id, new StepInput { StepCode = step, On = on, Version = r.Version, Contacts = "李建国、周玉兰" }, [], default)).Value!;
        }
        await Person("申请人甲", ("apply", new DateOnly(2020, 11, 1)));
        await Person("申请人乙", ("apply", new DateOnly(2020, 10, 1)), ("talk", new DateOnly(2020, 10, 20)));
        await Person("积极分子", ("apply", new DateOnly(2019, 1, 1)), ("talk", new DateOnly(2019, 1, 10)), ("activist", new DateOnly(2019, 2, 1)));
        await Person("发展对象", ("apply", new DateOnly(2018, 12, 1)), ("talk", new DateOnly(2018, 12, 10)), ("activist", new DateOnly(2019, 1, 15)), ("candidate", new DateOnly(2020, 2, 1)));
        await Person("预备党员", ("apply", new DateOnly(2017, 12, 1)), ("talk", new DateOnly(2017, 12, 10)), ("activist", new DateOnly(2018, 1, 15)), ("candidate", new DateOnly(2019, 1, 15)),
            ("review", new DateOnly(2019, 2, 1)), ("training", new DateOnly(2019, 3, 1)), ("publicity", new DateOnly(2019, 5, 1)), ("admit", new DateOnly(2019, 6, 1)),
            ("approve", new DateOnly(2019, 7, 1)), ("oath", new DateOnly(2019, 7, 1)), ("confirm", new DateOnly(2020, 6, 2)));

        var source = new PartyWorkIndicators(db);
        Assert.Equal(["partywork.applicants", "partywork.activists", "partywork.candidates", "partywork.probationary"], source.Indicators.Select(i => i.Code));
        Assert.Equal(["入党申请人数", "入党积极分子数", "发展对象数", "预备党员数"], source.Indicators.Select(i => i.Name));
        var codes = source.Indicators.Select(i => i.Code).ToList();
        async Task<int[]> On(DateOnly to)
        {
            var v = await source.ReadAsync(codes, [branch.Path], new DateOnly(2017, 1, 1), to, default);
            return codes.Select(c => (int)v[(c, branch.Path)].Numerator).ToArray();
        }
        // End of 2020: two applicants (talked or not), one activist, one candidate; the probationary member was confirmed in June.
        Assert.Equal(new[] { 2, 1, 1, 0 }, await On(new DateOnly(2020, 12, 31)));
        // End of May 2020: the first applicant had not applied, the second neither; the confirmed one was still on probation.
        Assert.Equal(new[] { 0, 1, 1, 1 }, await On(new DateOnly(2020, 5, 31)));
        // Mid-2019: the candidate was still an activist, the probationary one a candidate awaiting approval after the branch meeting.
        Assert.Equal(new[] { 0, 2, 1, 0 }, await On(new DateOnly(2019, 6, 15)));
    }
}
