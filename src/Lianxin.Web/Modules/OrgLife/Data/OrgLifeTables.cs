using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Data;

/// <summary>The OrgLife tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class OrgLifeTables
{
    extension(LianxinDb db)
    {
        public DbSet<Meeting> Meetings => db.Set<Meeting>();
        public DbSet<MeetingAttendance> MeetingAttendance => db.Set<MeetingAttendance>();
        public DbSet<BranchFeed> BranchFeeds => db.Set<BranchFeed>();
        public DbSet<MeetingRule> MeetingRules => db.Set<MeetingRule>();
        public DbSet<OrgLifeSettings> OrgLifeSettings => db.Set<OrgLifeSettings>();
        public DbSet<TrainingSession> TrainingSessions => db.Set<TrainingSession>();
        public DbSet<TrainingRecord> TrainingRecords => db.Set<TrainingRecord>();
        public DbSet<MemberFeed> MemberFeeds => db.Set<MemberFeed>();
    }
}
