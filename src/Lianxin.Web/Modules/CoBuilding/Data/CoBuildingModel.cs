using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Data;

public static class CoBuildingModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<PartnerUnit>(e =>
        {
            e.ToTable("cob_partner_units");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.PartyOrgName).HasMaxLength(100);
            e.Property(x => x.PartySecretary).HasMaxLength(60);
            e.Property(x => x.ContactName).HasMaxLength(60);
            e.Property(x => x.ContactPhone).HasMaxLength(20);
            e.Property(x => x.Instructor).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.Name });
            e.HasIndex(x => new { x.TenantId, x.LiaisonUserId });
        });
        b.Entity<CommitteeSeat>(e =>
        {
            e.ToTable("cob_committee_seats");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.PersonName).HasMaxLength(60);
            e.Property(x => x.Post).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.CommitteeUnitId, x.PartnerUnitId });
        });
        ConfigureAlliancesAndMeetings(b);
    }

    static void ConfigureAlliancesAndMeetings(ModelBuilder b)
    {
        b.Entity<Alliance>(e =>
        {
            e.ToTable("cob_alliances");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Theme).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<AllianceMember>(e =>
        {
            e.ToTable("cob_alliance_members");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.AllianceId });
        });
        b.Entity<CommitteeMeeting>(e =>
        {
            e.ToTable("cob_committee_meetings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Agenda).HasMaxLength(2000);
            e.Property(x => x.Minutes).HasMaxLength(8000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.AgendaItems);
            e.HasIndex(x => new { x.TenantId, x.CommitteeUnitId, x.HeldOn });
        });
        b.Entity<CommitteeAttendance>(e =>
        {
            e.ToTable("cob_committee_attendance");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.AbsenceReason).HasMaxLength(200);
            e.Property(x => x.Substitute).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.MeetingId });
        });
        b.Entity<CommitteeDecision>(e =>
        {
            e.ToTable("cob_committee_decisions");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.ResponsiblePerson).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.MeetingId });
        });
    }
}
