using Lianxin.Migrations;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Cli;

/// <summary>
/// Production chores run with the same binary: <c>migrate</c>, <c>create-admin</c>, and
/// <c>schema-script</c> (the CREATE script of the EF model, a starting point for a new migration file),
/// <c>rebuild-aggregates</c> (recomputes every module's maintained figures from the rows, ADR 0026),
/// <c>backup FILE</c>, <c>restore FILE</c> and <c>verify-backup FILE</c> (ADR 0029), and the
/// commands modules add (<see cref="IModule.Commands"/>, e.g. Members' <c>rekey-ids</c>).
/// </summary>
public static class Commands
{
    static readonly string[] Names = ["migrate", "create-admin", "schema-script", "rebuild-aggregates", "backup", "restore", "verify-backup"];

    public static bool IsCommand(string? arg, IReadOnlyList<IModule> modules) =>
        arg is not null && (Names.Contains(arg) || modules.Any(m => m.Commands.Any(c => c.Name == arg)));

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var modules = app.Services.GetRequiredService<ModuleCatalog>().Modules;
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
                case "rebuild-aggregates":
                    await DatabaseSetup.MigrateAsync(app.Services);
                    foreach (var (tenant, name, rows) in await Aggregates.RebuildAllAsync(app.Services, default))
                        Console.WriteLine($"{tenant} {name}: {rows} 行");
                    Console.WriteLine("统计数据已按现有记录重算。");
                    return 0;
                case "backup" or "restore" or "verify-backup" when args.Length < 2 || args[1].StartsWith("--"):
                    Console.Error.WriteLine($"用法：{args[0]} 备份文件路径");
                    return 2;
                case "backup":
                    await DatabaseBackup.BackupAsync(app.Services.GetRequiredService<DatabaseOptions>(), args[1]);
                    Console.WriteLine($"已备份到 {Path.GetFullPath(args[1])}，并通过完整性检查。");
                    return 0;
                case "verify-backup":
                    await DatabaseBackup.CheckAsync(app.Services.GetRequiredService<DatabaseOptions>(), args[1]);
                    Console.WriteLine($"{args[1]} 通过完整性检查，可以用于恢复。");
                    return 0;
                case "restore":
                    return await RestoreAsync(app.Services, args[1]);
                default:
                    var command = modules.SelectMany(m => m.Commands).FirstOrDefault(c => c.Name == args[0]);
                    if (command is not null) return await command.RunAsync(app.Services, Options(args));
                    break;
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"失败：{ex.Message}");
            return 1;
        }
        return 2;
    }

    /// <summary>Restores, brings the schema up to date, then marks and verifies every tenant's audit chain: exit 3 when one is broken.</summary>
    static async Task<int> RestoreAsync(IServiceProvider services, string file)
    {
        await DatabaseBackup.RestoreAsync(services.GetRequiredService<DatabaseOptions>(), file);
        Console.WriteLine($"已从 {Path.GetFullPath(file)} 恢复数据库。");
        await DatabaseSetup.MigrateAsync(services);
        IReadOnlyList<Guid> tenants;
        using (var scope = services.CreateScope())
            tenants = await services.GetRequiredService<Tenancy>().TenantIdsAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>(), default);
        var broken = 0;
        foreach (var tenant in tenants)
        {
            using var scope = services.CreateScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<OrgScope>().AsSystem(tenant);
            var report = await Audit.AuditRestore.MarkAndVerifyAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<Audit.AuditCheckpoints>(),
                sp.GetRequiredService<Audit.AuditChain>(), sp.GetRequiredService<TimeProvider>());
            if (report.Intact) Console.WriteLine($"区 {tenant}：审计链完整（共 {report.Checked} 条）。");
            else
            {
                broken++;
                Console.Error.WriteLine($"区 {tenant}：审计链在第 {report.FirstBreak!.Seq} 条处断开：{report.FirstBreak.Reason}");
            }
        }
        return broken == 0 ? 0 : 3;
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
        var clock = sp.GetRequiredService<TimeProvider>();
        // The first district is the tenant; a second create-admin adds an administrator to it.
        var tenant = await db.Tenants.OrderBy(t => t.CreatedAt).FirstOrDefaultAsync();
        if (tenant is null)
        {
            tenant = new Tenant { Id = Guid.CreateVersion7(), Name = o.GetValueOrDefault("district") ?? "区委", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }
        sp.GetRequiredService<OrgScope>().AsSystem(tenant.Id);
        var district = await sp.GetRequiredService<IUnitDirectory>().CreateDistrictAsync(tenant.Name, default);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, TenantId = tenant.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
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

    static Dictionary<string, string> Options(string[] args)
    {
        var o = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--")) o[args[i][2..]] = args[i + 1];
        return o;
    }
}
