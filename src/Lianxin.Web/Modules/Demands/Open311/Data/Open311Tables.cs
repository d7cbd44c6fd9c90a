using Lianxin.Web.Platform.Data;
using Lianxin.Web.Modules.Demands.Open311.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Open311.Data;

/// <summary>The Demands Open311 tables as <c>db.X</c>: only this module uses them (the architecture tests hold it).</summary>
public static class Open311Tables
{
    extension(LianxinDb db)
    {
        public DbSet<Open311Client> Open311Clients => db.Set<Open311Client>();
        public DbSet<Open311Request> Open311Requests => db.Set<Open311Request>();
    }
}
