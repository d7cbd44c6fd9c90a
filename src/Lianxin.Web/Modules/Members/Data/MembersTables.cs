using Lianxin.Web.Platform.Data;
using Lianxin.Web.Modules.Members.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Data;

/// <summary>The Members tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class MembersTables
{
    extension(LianxinDb db)
    {
        public DbSet<Member> Members => db.Set<Member>();
        public DbSet<MemberStatusChange> MemberStatusChanges => db.Set<MemberStatusChange>();
        public DbSet<MemberTransfer> MemberTransfers => db.Set<MemberTransfer>();
        public DbSet<DualReport> DualReports => db.Set<DualReport>();
        public DbSet<Post> Posts => db.Set<Post>();
        public DbSet<PostClaim> PostClaims => db.Set<PostClaim>();
        public DbSet<ResponsibilityZone> ResponsibilityZones => db.Set<ResponsibilityZone>();
        public DbSet<ZoneMember> ZoneMembers => db.Set<ZoneMember>();
        public DbSet<CentralHousehold> CentralHouseholds => db.Set<CentralHousehold>();
        public DbSet<CentralHouseholdLink> CentralHouseholdLinks => db.Set<CentralHouseholdLink>();
        public DbSet<CentralHouseholdRecommendation> CentralHouseholdRecommendations => db.Set<CentralHouseholdRecommendation>();
        public DbSet<CentralHouseholdDuty> CentralHouseholdDuties => db.Set<CentralHouseholdDuty>();
        public DbSet<BuildingLeader> BuildingLeaders => db.Set<BuildingLeader>();
        public DbSet<ImportJob> ImportJobs => db.Set<ImportJob>();
        public DbSet<MobileMembership> MobileMemberships => db.Set<MobileMembership>();
        public DbSet<MemberFigures> MemberFigures => db.Set<MemberFigures>();
        public DbSet<MobileFigures> MobileFigures => db.Set<MobileFigures>();
    }
}
