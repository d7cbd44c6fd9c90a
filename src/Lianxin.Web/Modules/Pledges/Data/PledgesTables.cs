using Lianxin.Web.Platform.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Data;

/// <summary>The Pledges tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class PledgesTables
{
    extension(LianxinDb db)
    {
        public DbSet<Pledge> Pledges => db.Set<Pledge>();
        public DbSet<PledgeTask> PledgeTasks => db.Set<PledgeTask>();
        public DbSet<PledgeUpdate> PledgeUpdates => db.Set<PledgeUpdate>();
        public DbSet<PledgeDemand> PledgeDemands => db.Set<PledgeDemand>();
    }
}
