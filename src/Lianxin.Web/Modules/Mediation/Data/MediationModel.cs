using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Data;

public static class MediationModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<MediationCase>(e =>
        {
            e.ToTable("med_cases");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.CaseNo).HasMaxLength(30);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.OutcomeNote).HasMaxLength(2000);
            e.Property(x => x.FollowUpNote).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.OpenedOn });
            e.HasIndex(x => new { x.TenantId, x.CaseNo }).IsUnique();
            // Not the subtree rule: the team, and the secretary and staff of the case's own community (ADR 0018).
            e.HasQueryFilter(QueryFilters.Scope, c => db.ScopeAll
                || db.Set<MediationTeamMember>().Any(t => t.CaseId == c.Id && t.UserId == db.ScopeUserId)
                || db.Set<RoleGrant>().Any(g => g.UserId == db.ScopeUserId && g.OrgUnitId == c.CommunityId
                    && (g.Role == Role.CommunitySecretary || g.Role == Role.CommunityStaff)));
        });
        b.Entity<MediationParty>(e =>
        {
            e.ToTable("med_parties");
            e.Property(x => x.NameCipher).HasMaxLength(200);
            e.Property(x => x.PhoneCipher).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.CaseId });
            e.HasQueryFilter(QueryFilters.Scope, p => db.Set<MediationCase>().Any(c => c.Id == p.CaseId));
        });
        b.Entity<MediationTeamMember>(e =>
        {
            e.ToTable("med_team_members");
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.UserId, x.CaseId });
            e.HasIndex(x => new { x.TenantId, x.CaseId });
        });
        b.Entity<MediationSession>(e =>
        {
            e.ToTable("med_sessions");
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.CaseId });
            e.HasQueryFilter(QueryFilters.Scope, s => db.Set<MediationCase>().Any(c => c.Id == s.CaseId));
        });
    }
}
