using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Data;

/// <summary>The Mediation tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class MediationTables
{
    extension(LianxinDb db)
    {
        public DbSet<MediationCase> MediationCases => db.Set<MediationCase>();
        public DbSet<MediationParty> MediationParties => db.Set<MediationParty>();
        public DbSet<MediationTeamMember> MediationTeam => db.Set<MediationTeamMember>();
        public DbSet<MediationSession> MediationSessions => db.Set<MediationSession>();
    }
}
