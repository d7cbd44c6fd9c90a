using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Data;

/// <summary>The Deliberation tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class DeliberationTables
{
    extension(LianxinDb db)
    {
        public DbSet<Motion> Motions => db.Set<Motion>();
        public DbSet<MotionMeeting> MotionMeetings => db.Set<MotionMeeting>();
        public DbSet<OwnersCommittee> OwnersCommittees => db.Set<OwnersCommittee>();
        public DbSet<OwnersCommitteeMember> OwnersCommitteeMembers => db.Set<OwnersCommitteeMember>();
        public DbSet<RedCommitteeRule> RedCommitteeRules => db.Set<RedCommitteeRule>();
        public DbSet<PropertyArrangement> PropertyArrangements => db.Set<PropertyArrangement>();
        public DbSet<Convention> Conventions => db.Set<Convention>();
        public DbSet<ConventionVersion> ConventionVersions => db.Set<ConventionVersion>();
    }
}
