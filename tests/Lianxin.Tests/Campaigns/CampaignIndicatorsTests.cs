using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Campaigns;

/// <summary>campaigns.inspections counts inspections by their day; campaigns.findings_open the findings found and not verified rectified by the period's end.</summary>
[Collection(AppCollection.Name)]
public class CampaignIndicatorsTests(LianxinApp app)
{
    [Fact]
    public async Task Inspections_count_by_day_and_open_findings_are_those_not_verified_by_the_end_of_the_period()
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(sp.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = sp.GetRequiredService<LianxinDb>();
        // A community of the second street, where the demo runs no campaign.
        var community = db.OrgUnits.Where(u => u.Kind == OrgKind.Community).OrderByDescending(u => u.Path).First();
        var street = db.OrgUnits.Single(u => u.Id == community.ParentId);
        var compound = db.Compounds.Where(c => c.CommunityId == community.Id).OrderBy(c => c.Name).First();
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 3, 1, 2, 0, 0, TimeSpan.Zero));
        void On(int day) => clock.SetUtcNow(new DateTimeOffset(2020, 3, day, 2, 0, 0, TimeSpan.Zero));

        var saved = (await SaveCampaign.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<PlaceDirectory>(), clock, null, new CampaignInput
        {
            StreetId = street.Id, Title = "三月燃气安全检查", Kind = CampaignKind.GasSafety, StartsOn = new DateOnly(2020, 3, 1), EndsOn = new DateOnly(2020, 3, 31),
            Items = ["燃气软管无老化", "安装燃气报警器"], CompoundIds = [compound.Id],
        }, default)).Value!;
        await StartCampaign.HandleAsync(db, clock, saved.Id, new CampaignStateRequest(saved.Version), default);
        var place = db.CampaignPlaces.Single(p => p.CampaignId == saved.Id).Id;
        var items = db.ChecklistItems.Where(i => i.CampaignId == saved.Id).OrderBy(i => i.SortOrder).Select(i => i.Id).ToList();
        async Task Inspect(int day, params CheckResult[] results)
        {
            On(day);
            Assert.True((await RecordInspection.HandleAsync(db, clock, saved.Id, new InspectionInput
            {
                PlaceId = place, Answers = items.Select((id, i) => new AnswerInput { ItemId = id, Result = results[i] }).ToList(),
            }, [], default)).IsOk);
        }
        await Inspect(10, CheckResult.Fail, CheckResult.Fail);
        await Inspect(12, CheckResult.Fail, CheckResult.Pass);
        var task = db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == saved.Id).OrderBy(t => t.CreatedAt).First();
        On(14);
        var done = (await ReportTaskDone.HandleAsync(db, clock, task.Id, new TaskDoneInput { Note = "已更换软管", Version = task.Version }, [], default)).Value!;
        On(15);
        Assert.True((await VerifyTask.HandleAsync(db, clock, task.Id, new VerifyTaskInput { Pass = true, Version = done.Version }, default)).IsOk);

        var source = new CampaignIndicators(db);
        Assert.Equal(["campaigns.inspections", "campaigns.findings_open"], source.Indicators.Select(i => i.Code));
        Assert.Equal(["专项行动检查次数", "专项行动未整改问题数"], source.Indicators.Select(i => i.Name));
        async Task<(int Inspections, int Open)> Read(int fromDay, int toDay)
        {
            var v = await source.ReadAsync(["campaigns.inspections", "campaigns.findings_open"], [community.Path], new DateOnly(2020, 3, fromDay), new DateOnly(2020, 3, toDay), default);
            return ((int)v[("campaigns.inspections", community.Path)].Numerator, (int)v[("campaigns.findings_open", community.Path)].Numerator);
        }
        Assert.Equal((0, 0), await Read(1, 9));
        Assert.Equal((1, 2), await Read(1, 11));
        Assert.Equal((1, 3), await Read(11, 13));
        // Reported done on the 14th is still open; verified on the 15th it is not.
        Assert.Equal((2, 3), await Read(1, 14));
        Assert.Equal((2, 2), await Read(1, 31));
    }
}
