using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

/// <summary>
/// The app's PostgreSQL connections prepare a statement the second time they send it (ADR 0064): PostgreSQL then stops
/// parsing and planning the statements every request sends. An operator's own <c>Max Auto Prepare</c> wins.
/// </summary>
[Collection(AppCollection.Name)]
public class AutoPrepareTests(LianxinApp app)
{
    [Theory]
    [InlineData("Host=db;Username=lianxin;Database=lianxin")]
    [InlineData("Host=db;Username=lianxin;Database=lianxin;Maximum Pool Size=40")]
    public void A_string_without_its_own_setting_prepares_on_second_use(string given)
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnection.Tuned(given));
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.Equal("lianxin", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Username=lianxin;Database=lianxin;Max Auto Prepare=0")]
    [InlineData("Host=db;Username=lianxin;Database=lianxin;maxautoprepare=0")]
    public void An_operators_own_setting_is_kept(string given) => Assert.Equal(given, PostgresConnection.Tuned(given));

    [PostgresFact("Npgsql's automatic preparation is PostgreSQL's; SQLite's connections keep their own statement cache.")]
    public async Task The_apps_connection_keeps_a_statement_it_sent_twice_prepared()
    {
        var tenant = app.WithDb(db => db.OrgUnits.First().TenantId);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 2; i++) await db.OrgUnits.CountAsync(u => u.Name.StartsWith("青"));

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("org_units"));
    }
}
