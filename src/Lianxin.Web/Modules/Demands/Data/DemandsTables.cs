using Lianxin.Web.Platform.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Data;

/// <summary>The Demands tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class DemandsTables
{
    extension(LianxinDb db)
    {
        public DbSet<DemandCategory> DemandCategories => db.Set<DemandCategory>();
        public DbSet<Demand> Demands => db.Set<Demand>();
        public DbSet<DemandStep> DemandSteps => db.Set<DemandStep>();
        public DbSet<Dispatch> Dispatches => db.Set<Dispatch>();
        public DbSet<ServiceSlot> ServiceSlots => db.Set<ServiceSlot>();
        public DbSet<DemandStreetSettings> DemandStreetSettings => db.Set<DemandStreetSettings>();
        public DbSet<DemandDayFigures> DemandDayFigures => db.Set<DemandDayFigures>();
        public DbSet<DemandMonthFigures> DemandMonthFigures => db.Set<DemandMonthFigures>();
    }
}
