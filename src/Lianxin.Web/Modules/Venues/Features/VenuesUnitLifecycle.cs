using Lianxin.Web.Modules.Venues.Data;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Venues.Features;

/// <summary>Venues, rooms and bookings follow a moved unit; a unit with an open venue cannot be dissolved (hand it over first).</summary>
public class VenuesUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["ven_venues"] = await db.RebaseAsync<Venue>(oldRoot, newRoot, ct),
            ["ven_checks"] = await db.RebaseAsync<VenueCheck>(oldRoot, newRoot, ct),
            ["ven_rooms"] = await db.RebaseAsync<Room>(oldRoot, newRoot, ct),
            ["ven_bookings"] = await db.RebaseAsync<RoomBooking>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.Venues.AcrossScope().CountAsync(v => v.OrgPath == path && v.State != VenueState.Planned, ct);
        return n == 0 ? null : $"{n} 处在建或已开放的阵地";
    }
}
