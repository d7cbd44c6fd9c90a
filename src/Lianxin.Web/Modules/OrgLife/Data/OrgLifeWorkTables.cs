using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Data;

/// <summary>日走访, 周调度 and the yearly meeting plans as <c>db.X</c>.</summary>
public static class OrgLifeWorkTables
{
    extension(LianxinDb db)
    {
        public DbSet<HouseholdVisit> HouseholdVisits => db.Set<HouseholdVisit>();
        public DbSet<DispatchMeeting> DispatchMeetings => db.Set<DispatchMeeting>();
        public DbSet<DispatchItem> DispatchItems => db.Set<DispatchItem>();
        public DbSet<MeetingPlan> MeetingPlans => db.Set<MeetingPlan>();
        public DbSet<PlannedMeeting> PlannedMeetings => db.Set<PlannedMeeting>();
    }
}
