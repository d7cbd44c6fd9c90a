using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Data;

public static class DeliberationModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Motion>(e =>
        {
            e.ToTable("dlb_motions");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.HandlerPath).HasMaxLength(400);
            e.Property(x => x.CompoundName).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.ProposerName).HasMaxLength(60);
            e.Property(x => x.ContactPhoneCipher).HasMaxLength(120);
            e.Property(x => x.DemandTicket).HasMaxLength(40);
            e.Property(x => x.Outcome).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.RaisedAt });
            e.HasIndex(x => new { x.TenantId, x.HandlerPath, x.State });
        });
        b.Entity<MotionMeeting>(e =>
        {
            e.ToTable("dlb_meetings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Host).HasMaxLength(60);
            e.Property(x => x.Participants).HasMaxLength(2000);
            e.Property(x => x.Positions).HasMaxLength(4000);
            e.Property(x => x.Outcome).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.MotionId });
        });
        b.Entity<OwnersCommittee>(e =>
        {
            e.ToTable("dlb_owners_committees");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.LeadingBranch).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.CompoundId, x.TermFrom });
        });
        b.Entity<OwnersCommitteeMember>(e =>
        {
            e.ToTable("dlb_owners_committee_members");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Post).HasMaxLength(40);
            e.HasIndex(x => new { x.TenantId, x.CommitteeId });
        });
        b.Entity<RedCommitteeRule>(e =>
        {
            e.ToTable("dlb_red_committee_rules");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.StreetId }).IsUnique();
        });
        b.Entity<PropertyArrangement>(e =>
        {
            e.ToTable("dlb_property_arrangements");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Provider).HasMaxLength(100);
            e.Property(x => x.LeadBranch).HasMaxLength(100);
            e.Property(x => x.ServiceBody).HasMaxLength(100);
            e.Property(x => x.Parties).HasMaxLength(1000);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.CompoundId }).IsUnique();
        });
        b.Entity<Convention>(e =>
        {
            e.ToTable("dlb_conventions");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.CompoundId }).IsUnique();
        });
        b.Entity<ConventionVersion>(e =>
        {
            e.ToTable("dlb_convention_versions");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Body).HasMaxLength(10000);
            e.Property(x => x.AdoptedBy).HasMaxLength(100);
            e.Property(x => x.ChangeNote).HasMaxLength(500);
            e.Property(x => x.EditedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.ConventionId, x.Number }).IsUnique();
        });
    }
}
