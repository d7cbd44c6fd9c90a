using Microsoft.Extensions.DependencyInjection;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianxin.Tests.Platform;

public class StartupTests
{
    [Fact]
    public void Outside_demo_mode_the_app_refuses_to_start_while_a_demo_password_is_set()
    {
        // The demo district with its demo accounts, as the first start in demo mode leaves it (the next test seeds one itself).
        var cs = DemoTemplate.Copy();
        using var production = new AppOn(cs, demo: false);
        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("演示密码", error.ToString());
    }

    [Fact]
    public async Task An_empty_database_is_migrated_and_seeded_on_first_start()
    {
        using var app = new AppOn(TestDatabase.Create(), demo: true);
        var response = await app.CreateClient().GetAsync("/health");
        Assert.True(response.IsSuccessStatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Lianxin.Web.Platform.Data.LianxinDb>();
        Assert.True(db.Users.Count() >= 11);
    }

    sealed class AppOn(string cs, bool demo) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", TestDatabase.Provider);
            builder.UseSetting("Database:ConnectionString", cs);
            builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
            // Outside demo mode the audit chain (ADR 0029) and personal data (ADR 0030, also sealing the sign-in keys, ADR 0038)
            // need their keys; this test is about the demo password.
            if (demo) return;
            builder.UseSetting("Audit:Keys:1", Convert.ToBase64String(Enumerable.Repeat((byte)5, 32).ToArray()));
            builder.UseSetting("Privacy:EncryptionKey", Convert.ToBase64String(Enumerable.Repeat((byte)6, 32).ToArray()));
            builder.UseSetting("Privacy:HashKey", Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));
        }
    }
}
