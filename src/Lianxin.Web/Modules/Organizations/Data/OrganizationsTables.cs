using Lianxin.Web.Platform.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Data;

/// <summary>The Organizations tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class OrganizationsTables
{
    extension(LianxinDb db)
    {
        public DbSet<OrgUnit> OrgUnits => db.Set<OrgUnit>();
        public DbSet<OrgUnitChange> OrgUnitChanges => db.Set<OrgUnitChange>();
        public DbSet<OrgPosition> OrgPositions => db.Set<OrgPosition>();
        public DbSet<Grid> Grids => db.Set<Grid>();
        public DbSet<Compound> Compounds => db.Set<Compound>();
        public DbSet<Building> Buildings => db.Set<Building>();
        public DbSet<Household> Households => db.Set<Household>();
        public DbSet<UnitCounts> UnitCounts => db.Set<UnitCounts>();
        public DbSet<OrgTreeVersion> OrgTreeVersions => db.Set<OrgTreeVersion>();
    }
}
