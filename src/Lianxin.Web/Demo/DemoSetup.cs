using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

public static class DemoSetup
{
    /// <summary>The documented demo password of every demo account (README).</summary>
    public const string Password = "Lianxin-Demo-2026";

    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions());
        return services;
    }

    /// <summary>
    /// Demo mode seeds the demo district into an empty database. Outside demo mode the app refuses to
    /// start while any demo account still has the demo password: a public deployment must not have one.
    /// </summary>
    public static async Task SeedOrRefuseAsync(IServiceProvider services)
    {
        var demo = services.GetRequiredService<DemoOptions>().Enabled;
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LianxinDb>();
        if (demo)
        {
            if (!await db.Tenants.AnyAsync())
                await DemoDistrict.SeedAsync(sp);
            return;
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var account in DemoDistrict.Accounts)
        {
            var user = await users.FindByNameAsync(account.UserName);
            if (user is not null && await users.CheckPasswordAsync(user, Password))
                throw new InvalidOperationException(
                    $"演示账号 {account.UserName} 仍在使用演示密码。非演示环境拒绝启动：请修改或停用演示账号，或设置 Demo__Enabled=true（仅限演示）。");
        }
    }
}
