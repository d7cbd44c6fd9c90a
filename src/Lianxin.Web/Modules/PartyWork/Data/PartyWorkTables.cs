using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Data;

/// <summary>The PartyWork tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class PartyWorkTables
{
    extension(LianxinDb db)
    {
        public DbSet<RecruitStep> RecruitSteps => db.Set<RecruitStep>();
        public DbSet<Recruit> Recruits => db.Set<Recruit>();
        public DbSet<RecruitEntry> RecruitEntries => db.Set<RecruitEntry>();
        public DbSet<TermRule> TermRules => db.Set<TermRule>();
        public DbSet<Committee> Committees => db.Set<Committee>();
        public DbSet<CommitteeSeat> PartyCommitteeSeats => db.Set<CommitteeSeat>();
        public DbSet<Election> Elections => db.Set<Election>();
        public DbSet<ReserveCadre> ReserveCadres => db.Set<ReserveCadre>();
        public DbSet<RectifyCriterion> RectifyCriteria => db.Set<RectifyCriterion>();
        public DbSet<BranchRectification> BranchRectifications => db.Set<BranchRectification>();
        public DbSet<RectificationTask> RectificationTasks => db.Set<RectificationTask>();
        public DbSet<RectificationProgress> RectificationProgress => db.Set<RectificationProgress>();
    }
}
