using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Data;

/// <summary>The tables of the three lists and agreements as <c>db.X</c>.</summary>
public static class CoBuildingLoopTables
{
    extension(LianxinDb db)
    {
        public DbSet<Need> Needs => db.Set<Need>();
        public DbSet<Resource> Resources => db.Set<Resource>();
        public DbSet<NeedMatch> NeedMatches => db.Set<NeedMatch>();
        public DbSet<CoProject> CoProjects => db.Set<CoProject>();
        public DbSet<ProjectParty> ProjectParties => db.Set<ProjectParty>();
        public DbSet<ProjectMilestone> ProjectMilestones => db.Set<ProjectMilestone>();
        public DbSet<Agreement> Agreements => db.Set<Agreement>();
        public DbSet<Obligation> Obligations => db.Set<Obligation>();
        public DbSet<UnitReview> UnitReviews => db.Set<UnitReview>();
    }
}
