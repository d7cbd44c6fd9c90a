using Lianxin.Web.Platform.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Data;

/// <summary>The Reviews tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class ReviewsTables
{
    extension(LianxinDb db)
    {
        public DbSet<Rubric> Rubrics => db.Set<Rubric>();
        public DbSet<ReviewRound> ReviewRounds => db.Set<ReviewRound>();
        public DbSet<RoundUnit> RoundUnits => db.Set<RoundUnit>();
        public DbSet<Panelist> Panelists => db.Set<Panelist>();
        public DbSet<ScoreSheet> ScoreSheets => db.Set<ScoreSheet>();
        public DbSet<Amendment> Amendments => db.Set<Amendment>();
        public DbSet<Finding> Findings => db.Set<Finding>();
        public DbSet<Rectification> Rectifications => db.Set<Rectification>();
        public DbSet<StarAward> StarAwards => db.Set<StarAward>();
        public DbSet<UnitRemark> UnitRemarks => db.Set<UnitRemark>();
        public DbSet<CultivationTarget> CultivationTargets => db.Set<CultivationTarget>();
    }
}
