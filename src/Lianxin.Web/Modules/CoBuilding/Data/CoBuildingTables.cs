using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Data;

/// <summary>The CoBuilding tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class CoBuildingTables
{
    extension(LianxinDb db)
    {
        public DbSet<PartnerUnit> PartnerUnits => db.Set<PartnerUnit>();
        public DbSet<CommitteeSeat> CommitteeSeats => db.Set<CommitteeSeat>();
        public DbSet<Alliance> Alliances => db.Set<Alliance>();
        public DbSet<AllianceMember> AllianceMembers => db.Set<AllianceMember>();
        public DbSet<CommitteeMeeting> CommitteeMeetings => db.Set<CommitteeMeeting>();
        public DbSet<CommitteeAttendance> CommitteeAttendance => db.Set<CommitteeAttendance>();
        public DbSet<CommitteeDecision> CommitteeDecisions => db.Set<CommitteeDecision>();
    }
}
