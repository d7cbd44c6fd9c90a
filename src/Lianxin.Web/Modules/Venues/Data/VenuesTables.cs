using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Venues.Data;

/// <summary>The Venues tables as <c>db.X</c>: only this module uses them.</summary>
public static class VenuesTables
{
    extension(LianxinDb db)
    {
        public DbSet<Venue> Venues => db.Set<Venue>();
        public DbSet<VenueCheck> VenueChecks => db.Set<VenueCheck>();
        public DbSet<Room> Rooms => db.Set<Room>();
        public DbSet<RoomBooking> RoomBookings => db.Set<RoomBooking>();
    }
}
