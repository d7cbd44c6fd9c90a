using Lianxin.Migrations;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Cli;

/// <summary>
/// Production chores run with the same binary: <c>migrate</c>, <c>create-admin</c>, and
/// <c>schema-script</c> (the CREATE script of the EF model, a starting point for a new migration file), and
/// <c>rekey-ids</c> (every stored citizen ID number rewritten under the current encryption key, after a key rotation).
/// </summary>
public static class Commands
{
    static readonly string[] Names = ["migrate", "create-admin", "schema-script", "rekey-ids"];

    public static bool IsCommand(string? arg) => arg is not null && Names.Contains(arg);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await DatabaseSetup.MigrateAsync(app.Services);
                    Console.WriteLine("数据库迁移完成。");
                    return 0;
                case "schema-script":
                {
                    using var scope = app.Services.CreateScope();
                    Console.WriteLine(scope.ServiceProvider.GetRequiredService<LianxinDb>().Database.GenerateCreateScript());
                    return 0;
                }
                case "create-admin":
                    return await CreateAdminAsync(app.Services, Options(args));
                case "rekey-ids":
                    return await RekeyIdsAsync(app.Services, Options(args));
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"失败：{ex.Message}");
            return 1;
        }
        return 2;
    }

    /// <summary>create-admin --user NAME --password PW --district 区名: the first DistrictAdmin of a new deployment.</summary>
    static async Task<int> CreateAdminAsync(IServiceProvider services, Dictionary<string, string> o)
    {
        if (!o.TryGetValue("user", out var userName) || !o.TryGetValue("password", out var password))
        {
            Console.Error.WriteLine("用法：create-admin --user 用户名 --password 密码 [--district 区委名称]");
            return 2;
        }
        await DatabaseSetup.MigrateAsync(services);
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LianxinDb>();
        var district = await db.OrgUnits.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Kind == OrgKind.District && u.ParentId == null);
        var clock = sp.GetRequiredService<TimeProvider>();
        if (district is null)
        {
            var id = Guid.CreateVersion7();
            var name = o.GetValueOrDefault("district") ?? "区委";
            district = new OrgUnit { Id = id, TenantId = id, Kind = OrgKind.District, Name = name, ShortName = name, Code = "D1", Path = OrgUnit.PathOf(null, id) };
        }
        sp.GetRequiredService<OrgScope>().AsSystem(district.TenantId);
        if (db.Entry(district).State == EntityState.Detached) db.OrgUnits.Add(district);
        await db.SaveChangesAsync();

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, TenantId = district.TenantId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join("；", result.Errors.Select(e => e.Description)));
            return 1;
        }
        db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.DistrictAdmin, OrgUnitId = district.Id, OrgPath = district.Path, GrantedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        Console.WriteLine($"已创建区级管理员 {userName}（{district.Name}）。");
        return 0;
    }

    /// <summary>rekey-ids [--batch N]: after adding a new key version and making it current; safe to run again.</summary>
    static async Task<int> RekeyIdsAsync(IServiceProvider services, Dictionary<string, string> o)
    {
        var batch = o.TryGetValue("batch", out var b) && int.TryParse(b, out var n) && n > 0 ? n : RekeyCitizenIds.BatchSize;
        await DatabaseSetup.MigrateAsync(services);
        var version = services.GetRequiredService<PersonalData>().CurrentVersion;
        Console.WriteLine($"以第 {version} 版密钥重新加密公民身份号码，每批 {batch} 条。");
        var count = await RekeyCitizenIds.RunAsync(services, Console.WriteLine, batch);
        Console.WriteLine($"完成：共检查 {count.Checked} 条，重新加密 {count.Rewritten} 条，{count.Checked - count.Rewritten} 条已是当前密钥。");
        return 0;
    }

    static Dictionary<string, string> Options(string[] args)
    {
        var o = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--")) o[args[i][2..]] = args[i + 1];
        return o;
    }
}
