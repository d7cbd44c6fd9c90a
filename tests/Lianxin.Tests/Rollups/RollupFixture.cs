using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Pledges.Domain;

namespace Lianxin.Tests.Rollups;

/// <summary>
/// A street of its own under the demo district with two communities, and demands and pledges in 2019 (no one else files
/// anything then), so every expected figure is exact.
/// </summary>
public sealed record RollupStreet(OrgUnit Street, OrgUnit East, OrgUnit West)
{
    public static RollupStreet Create(LianxinApp app) => app.WithDb(db =>
    {
        var district = db.OrgUnits.Single(u => u.Kind == OrgKind.District);
        var street = db.Unit(district, OrgKind.Street, "对标测试街道");
        var east = db.Unit(street, OrgKind.Community, "东社区");
        var west = db.Unit(street, OrgKind.Community, "西社区");
        var q2 = new DateTime(2019, 4, 10, 2, 0, 0, DateTimeKind.Utc);
        var q1 = new DateTime(2019, 2, 10, 2, 0, 0, DateTimeKind.Utc);
        // East, 2019Q2: 3 received, 2 resolved (8 h and 4 h), 1 overdue, both resolved rated satisfied. 2019Q1: 1 received.
        db.Demands.AddRange(
            Arranged(east, DemandState.Closed, q2, hours: 8, rating: Satisfaction.Satisfied),
            Arranged(east, DemandState.Closed, q2, hours: 4, rating: Satisfaction.BasicallySatisfied),
            Arranged(east, DemandState.Submitted, q2, overdue: true),
            Arranged(east, DemandState.Submitted, q1),
            // West, 2019Q2: 1 received, resolved in 20 h, rated unsatisfied; a merged duplicate that does not count.
            Arranged(west, DemandState.Closed, q2, hours: 20, rating: Satisfaction.Unsatisfied),
            Arranged(west, DemandState.Merged, q2));
        // Pledges due in 2019Q2: east one done on time and one late; west one done on time.
        db.Pledges.AddRange(
            Pledge(east, new(2019, 5, 31), new(2019, 5, 30)),
            Pledge(east, new(2019, 6, 15), new(2019, 7, 2)),
            Pledge(west, new(2019, 6, 1), new(2019, 6, 1)));
        db.SaveChanges();
        return new RollupStreet(street, east, west);
    });

    public static Demand Arranged(OrgUnit community, DemandState state, DateTime created, double? hours = null, Satisfaction? rating = null, bool overdue = false) => new()
    {
        TenantId = community.TenantId, TicketNo = "RU" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), CategoryId = Guid.NewGuid(),
        CategoryName = "环境卫生", Description = "对标测试诉求", StreetId = community.ParentId!.Value, CommunityId = community.Id,
        ContactName = "测试", PhoneTail = "0000", Source = DemandSource.Staff,
        OrgPath = community.Path, Level = DemandLevel.Community, HandlerUnitId = community.Id, HandlerPath = community.Path,
        State = state, CreatedAt = created, LevelSince = created, ResolvedAt = hours is null ? null : created.AddHours(hours.Value),
        ResolveHours = hours, Rating = rating, Overdue = overdue,
    };

    static Pledge Pledge(OrgUnit community, DateOnly due, DateOnly? done) => new()
    {
        TenantId = community.TenantId, OrgUnitId = community.Id, OrgPath = community.Path, Title = "对标测试实事", Owner = PledgeOwner.Branch,
        ResponsiblePerson = "测试", ResponsibleUnit = "测试", StartOn = due.AddMonths(-2), DueOn = due, Progress = done is null ? 50 : 100,
        State = done is null ? PledgeState.Open : PledgeState.Closed, DoneOn = done, CreatedAt = DateTime.UtcNow,
    };
}
