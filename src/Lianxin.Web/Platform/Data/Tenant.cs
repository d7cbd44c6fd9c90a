using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Data;

/// <summary>A district (区): the tenant every row belongs to. Platform's own table, so jobs and start-up find every tenant without reading a module's tables.</summary>
public class Tenant
{
    public Guid Id { get; init; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public static void Configure(ModelBuilder b) => b.Entity<Tenant>(e =>
    {
        e.ToTable("plt_tenants");
        e.Property(x => x.Name).HasMaxLength(100);
    });
}
