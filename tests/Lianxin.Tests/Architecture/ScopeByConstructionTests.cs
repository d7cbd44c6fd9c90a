using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Scope;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lianxin.Tests.Architecture;

/// <summary>Org scope and tenancy by construction (ADR 0016): every table gets its filters from the model, and only Platform may lift them.</summary>
public class ScopeByConstructionTests
{
    static LianxinDb Model()
    {
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (TestDatabase.IsPostgres) b.UseNpgsql("Host=unused"); else b.UseSqlite("Data Source=:memory:");
        return new LianxinDb(b.Options, new OrgScope(), new ModuleCatalog(Program.Modules));
    }

    [Fact]
    public void Every_tenant_table_has_the_tenant_filter_and_every_scoped_table_the_scope_filter()
    {
        using var db = Model();
        var missing = new List<string>();
        // Accounts are found by user name before anyone's district is known (sign-in); every other table with a tenant is filtered.
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.FindProperty(nameof(Entity.TenantId)) is not null && t.ClrType != typeof(Lianxin.Web.Platform.Identity.AppUser)))
        {
            if (type.FindDeclaredQueryFilter(QueryFilters.Tenant) is null) missing.Add($"{type.ClrType.Name}: tenant");
            if (typeof(IOrgScoped).IsAssignableFrom(type.ClrType) && type.FindDeclaredQueryFilter(QueryFilters.Scope) is null) missing.Add($"{type.ClrType.Name}: scope");
            // A path column on a table that is not IOrgScoped would be a scope nobody enforces.
            if (type.FindProperty("OrgPath") is not null && !typeof(IOrgScoped).IsAssignableFrom(type.ClrType)) missing.Add($"{type.ClrType.Name}: OrgPath without IOrgScoped");
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_scoped_table_has_an_index_for_its_scope_filter()
    {
        using var db = Model();
        // Index operators are design-time annotations: the runtime model drops them.
        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var missing = model.GetEntityTypes().Where(t => typeof(IOrgScoped).IsAssignableFrom(t.ClrType))
            .Where(t => !t.GetIndexes().Any(i => i.Properties.Count >= 2 && i.Properties[0].Name == nameof(Entity.TenantId)
                && i.Properties[1].Name is "OrgPath" or "Path" && i.GetOperators() is { } ops && ops[1] == "varchar_pattern_ops"))
            .Select(t => t.ClrType.Name).ToList();
        Assert.Empty(missing);
    }

    /// <summary>Modules lift only the scope filter, through AcrossScope(); the tenant filter is lifted nowhere outside Platform.</summary>
    [Fact]
    public void Only_platform_calls_IgnoreQueryFilters()
    {
        var src = Path.Combine(RepoRoot(), "src", "Lianxin.Web");
        var offenders = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Platform{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains("node_modules"))
            .Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f)).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void A_query_across_scope_still_sees_only_its_own_district()
    {
        using var db = Model();
        var sql = db.Set<Lianxin.Web.Modules.Organizations.Domain.OrgUnit>().AcrossScope().ToQueryString();
        Assert.Contains("TenantId", sql);
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lianxin.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Lianxin.slnx not found above the test binaries.");
    }
}
