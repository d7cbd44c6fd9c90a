using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Modules.Pledges.Features;

namespace Lianxin.Tests.Pledges;

/// <summary>More pledges than a list shows at once; on its own database, so the 600 extra pledges crowd no other test.</summary>
public class PledgeListBeyondLimitTests(LianxinApp app) : IClassFixture<LianxinApp>
{
    [Fact]
    public async Task A_status_filter_finds_pledges_that_lie_beyond_the_first_500_by_deadline()
    {
        var today = CreatePledge.Today(TimeProvider.System);
        var (lateByTask, done) = app.WithDb(db =>
        {
            var community = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
            Pledge New(string title, DateOnly due, int progress = 10) => new()
            {
                OrgUnitId = community.Id, OrgPath = community.Path, Title = title, Owner = PledgeOwner.Branch, ResponsiblePerson = "张书记",
                ResponsibleUnit = "和平社区党委", StartOn = today.AddDays(-30), DueOn = due, Progress = progress, CreatedAt = DateTime.UtcNow,
            };
            // 600 on-track pledges due soon fill the first 500 places by deadline; the two asked for are due last.
            db.Pledges.AddRange(Enumerable.Range(0, 600).Select(i => New($"按期推进 {i}", today.AddDays(1 + i % 30))));
            var late = New("任务逾期的承诺", today.AddYears(5));
            var finished = New("已完成的承诺", today.AddYears(5), progress: 100);
            db.Pledges.AddRange(late, finished);
            db.PledgeTasks.Add(new PledgeTask { PledgeId = late.Id, OrgPath = late.OrgPath, Title = "逾期未完成的任务", DueOn = today.AddDays(-3) });
            db.SaveChanges();
            return (late.Id, finished.Id);
        });
        var street = await app.ApiAs("street");

        var lateRows = await street.GetFromJsonAsync<JsonElement>("/api/v1/pledges?status=Late");
        Assert.Contains(lateRows.EnumerateArray(), r => r.GetProperty("id").GetGuid() == lateByTask);
        Assert.All(lateRows.EnumerateArray(), r => Assert.Equal("Late", r.GetProperty("status").GetString()));
        var doneRows = await street.GetFromJsonAsync<JsonElement>("/api/v1/pledges?status=Done");
        Assert.Contains(doneRows.EnumerateArray(), r => r.GetProperty("id").GetGuid() == done);
        Assert.All(doneRows.EnumerateArray(), r => Assert.Equal("Done", r.GetProperty("status").GetString()));

        // The public board counts every pledge, and its filtered rows reach past the first 300 too.
        var heping = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委").Id);
        var board = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/board/{heping}?status=Late");
        Assert.Contains(board.GetProperty("rows").EnumerateArray(), r => r.GetProperty("title").GetString() == "任务逾期的承诺");
        Assert.True(board.GetProperty("onTrack").GetInt32() >= 600, board.GetProperty("onTrack").ToString());
    }
}
