using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.Platform;

/// <summary>
/// Maintained aggregates upsert their rows in the writer's transaction (ADR 0026), locking each row until the commit. Two saves
/// that move the same rows in opposite directions (a place X → Y beside one Y → X) would each hold one row and wait for the
/// other's: a deadlock, answered 409 (ADR 0062) and the change lost. The tallies hand their rows out in key order, whatever order
/// the changes came in, so the second save waits for the first instead.
/// </summary>
public class AggregateLockOrderTests
{
    static readonly Guid Tenant = Guid.CreateVersion7();
    const string X = "/d/s/x/", Y = "/d/s/y/";

    [Fact]
    public void Unit_counts_come_out_in_path_order_whichever_way_a_place_moved()
    {
        var xToY = new CountsTally();
        xToY.Households(Tenant, X, -1);
        xToY.Households(Tenant, Y, +1);
        var yToX = new CountsTally();
        yToX.Households(Tenant, Y, -1);
        yToX.Households(Tenant, X, +1);

        Assert.Equal([X, Y], xToY.Changes.Select(c => c.Path));
        Assert.Equal([X, Y], yToX.Changes.Select(c => c.Path));
        Assert.Equal(-1, xToY.Changes.First().By[7]);
        Assert.Equal(+1, yToX.Changes.First().By[7]);
    }

    [Fact]
    public void Demand_figures_come_out_in_key_order_whichever_way_a_demand_was_handed_on()
    {
        var (first, second) = (Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-000000000002"));
        Demand At(Guid handler) => new() { TenantId = Tenant, OrgPath = X, CategoryName = "环境卫生", HandlerUnitId = handler, CreatedAt = new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc) };
        var on = new DemandFiguresTally();
        on.Add(At(second), -1);
        on.Add(At(first), +1);
        var back = new DemandFiguresTally();
        back.Add(At(first), -1);
        back.Add(At(second), +1);

        Assert.Equal([first, second], on.Changes.Select(c => c.Key.Handler));
        Assert.Equal([first, second], back.Changes.Select(c => c.Key.Handler));
    }

    [Fact]
    public void Member_figures_come_out_in_key_order_whichever_way_a_member_moved()
    {
        var (a, b) = (Guid.Parse("00000000-0000-0000-0000-00000000000a"), Guid.Parse("00000000-0000-0000-0000-00000000000b"));
        var (from, to) = (new DateOnly(2026, 3, 1), MobileFigures.Open);
        var aToB = new MemberFiguresTally();
        aToB.Member(Tenant, a, X, Guid.Empty, "", -1, 0);
        aToB.Member(Tenant, b, Y, Guid.Empty, "", +1, 0);
        aToB.Mobile(Tenant, Y, from, to, -1);
        aToB.Mobile(Tenant, X, from, to, +1);
        var bToA = new MemberFiguresTally();
        bToA.Member(Tenant, b, Y, Guid.Empty, "", -1, 0);
        bToA.Member(Tenant, a, X, Guid.Empty, "", +1, 0);
        bToA.Mobile(Tenant, X, from, to, -1);
        bToA.Mobile(Tenant, Y, from, to, +1);

        Assert.Equal([a, b], aToB.MemberChanges.Select(c => c.Branch));
        Assert.Equal([a, b], bToA.MemberChanges.Select(c => c.Branch));
        Assert.Equal([X, Y], aToB.SpanChanges.Select(c => c.Path));
        Assert.Equal([X, Y], bToA.SpanChanges.Select(c => c.Path));
        Assert.Equal(-1, aToB.MemberChanges[0].Members);
        Assert.Equal(+1, aToB.SpanChanges[0].Members);
    }
}
