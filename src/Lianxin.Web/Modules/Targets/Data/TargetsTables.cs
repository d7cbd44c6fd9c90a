using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Targets.Data;

/// <summary>The Targets tables as <c>db.X</c>: only this module uses them.</summary>
public static class TargetsTables
{
    extension(LianxinDb db)
    {
        public DbSet<KeyTarget> KeyTargets => db.Set<KeyTarget>();
        public DbSet<TargetAssignment> TargetAssignments => db.Set<TargetAssignment>();
        public DbSet<TargetEvidence> TargetEvidence => db.Set<TargetEvidence>();
    }
}
