using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Events;

/// <summary>
/// Events between modules (ADR 0017): Demands publishes DemandResolved into the outbox with the change; Pledges, which
/// never reads Demands' tables, notes it on the pledge that grew out of the demand, once however often it is delivered.
/// </summary>
[Collection(AppCollection.Name)]
public class IntegrationEventTests(LianxinApp app)
{
    [Fact]
    public async Task A_resolved_demand_reaches_its_pledge_once_through_outbox_and_inbox()
    {
        var (demandId, pledgeId, ticket) = app.WithDb(db =>
        {
            var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
            var d = db.Demand(heping, DemandState.Accepted);
            var p = new Pledge
            {
                OrgUnitId = heping.Id, OrgPath = heping.Path, Title = "事件测试承诺", Owner = PledgeOwner.Branch, ResponsiblePerson = "张书记",
                ResponsibleUnit = "和平社区党委", StartOn = new DateOnly(2026, 11, 1), DueOn = new DateOnly(2026, 12, 31), Progress = 20, CreatedAt = DateTime.UtcNow,
            };
            db.Pledges.Add(p);
            db.PledgeDemands.Add(new PledgeDemand { PledgeId = p.Id, DemandId = d.Id, OrgPath = p.OrgPath });
            db.SaveChanges();
            return (d.Id, p.Id, d.TicketNo);
        });
        var secretary = await app.ApiAs("secretary");
        async Task Act(string action)
        {
            var version = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{demandId}")).GetProperty("version").GetInt32();
            var r = await secretary.PostAsJsonAsync($"/api/v1/demands/{demandId}/steps", new { action, note = "已协调解决。", version });
            Assert.True(r.IsSuccessStatusCode, $"{action}: {await r.Content.ReadAsStringAsync()}");
        }
        await Act("Resolve");

        // The event sits in the outbox, written with the change; nothing has reached Pledges yet.
        var outbox = app.WithDb(db => db.OutboxEvents.Single(e => e.Type == nameof(Lianxin.Web.Modules.Demands.Contracts.DemandResolved) && e.Payload.Contains(demandId.ToString())));
        Assert.Null(outbox.DispatchedAt);
        Assert.Equal(0, Notes());

        var dispatcher = app.Services.GetRequiredService<EventDispatcher>();
        var tenant = app.WithDb(db => db.CurrentTenantId);
        Assert.True(await dispatcher.DispatchAsync(tenant, default) >= 1);
        Assert.Equal(1, Notes());
        Assert.NotNull(app.WithDb(db => db.OutboxEvents.Single(e => e.Id == outbox.Id).DispatchedAt));

        // Delivered again (an instance died before marking it): the inbox keeps the effect single.
        app.WithDb(db => db.OutboxEvents.Where(e => e.Id == outbox.Id).ExecuteUpdate(s => s.SetProperty(e => e.DispatchedAt, (DateTime?)null)));
        await dispatcher.DispatchAsync(tenant, default);
        Assert.Equal(1, Notes());

        int Notes() => app.WithDb(db => db.PledgeUpdates.Count(u => u.PledgeId == pledgeId && u.Note.Contains(ticket)));
    }

    [Fact]
    public void An_event_is_not_written_when_its_change_is_not()
    {
        // Published and then rolled back with the change: the outbox is part of the same SaveChanges.
        var id = Guid.CreateVersion7();
        var written = app.WithDb(db =>
        {
            using var tx = db.Database.BeginTransaction();
            db.Publish(new Lianxin.Web.Modules.Demands.Contracts.DemandResolved(id, "SQ-TEST", "测试", "/x/", DateTime.UtcNow), DateTime.UtcNow);
            db.SaveChanges();
            tx.Rollback();
            return db.OutboxEvents.Any(e => e.Payload.Contains(id.ToString()));
        });
        Assert.False(written);
    }
}
