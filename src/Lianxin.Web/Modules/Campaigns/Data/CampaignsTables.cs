using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Data;

/// <summary>The Campaigns tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class CampaignsTables
{
    extension(LianxinDb db)
    {
        public DbSet<Campaign> Campaigns => db.Set<Campaign>();
        public DbSet<ChecklistItem> ChecklistItems => db.Set<ChecklistItem>();
        public DbSet<CampaignPlace> CampaignPlaces => db.Set<CampaignPlace>();
        public DbSet<Inspection> CampaignInspections => db.Set<Inspection>();
        public DbSet<InspectionAnswer> CampaignAnswers => db.Set<InspectionAnswer>();
        public DbSet<CampaignFinding> CampaignFindings => db.Set<CampaignFinding>();
        public DbSet<RectificationTask> CampaignTasks => db.Set<RectificationTask>();
    }
}
