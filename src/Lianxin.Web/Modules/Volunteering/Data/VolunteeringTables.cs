using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Data;

/// <summary>The Volunteering tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class VolunteeringTables
{
    extension(LianxinDb db)
    {
        public DbSet<Team> VolunteerTeams => db.Set<Team>();
        public DbSet<TeamMember> VolunteerTeamMembers => db.Set<TeamMember>();
        public DbSet<Activity> Activities => db.Set<Activity>();
        public DbSet<Signup> Signups => db.Set<Signup>();
    }
}
