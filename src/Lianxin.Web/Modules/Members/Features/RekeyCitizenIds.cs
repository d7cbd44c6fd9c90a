using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Cli;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record RekeyCount(int Checked, int Rewritten);

/// <summary>
/// <c>rekey-ids</c>: rewrites every stored citizen ID number (and then every encrypted phone, <see cref="EncryptedColumns"/>) under the current encryption key, a batch per transaction
/// and in id order, so a run that stops half-way is simply run again; values already under the current key (its prefix) are left alone. The keyed
/// search hash does not depend on the encryption key and stays as it is.
/// </summary>
public static class RekeyCitizenIds
{
    public const int BatchSize = 500;

    /// <summary>The command line: <c>rekey-ids [--batch N]</c>, after adding a new key version and making it current.</summary>
    public static readonly CliCommand Command = new("rekey-ids", async (services, o) =>
    {
        var batch = o.TryGetValue("batch", out var b) && int.TryParse(b, out var n) && n > 0 ? n : BatchSize;
        await DatabaseSetup.MigrateAsync(services);
        var version = services.GetRequiredService<PersonalData>().CurrentVersion;
        Console.WriteLine($"以第 {version} 版密钥重新加密公民身份号码，每批 {batch} 条。");
        var count = await RunAsync(services, Console.WriteLine, batch);
        Console.WriteLine($"完成：共检查 {count.Checked} 条，重新加密 {count.Rewritten} 条，{count.Checked - count.Rewritten} 条已是当前密钥。");
        // Phones (of every module that registered its columns) are encrypted with the same keys (ADR 0030).
        Console.WriteLine($"电话号码：重新加密 {await EncryptedColumns.RekeyAsync(services)} 条。");
        return 0;
    });

    public static async Task<RekeyCount> RunAsync(IServiceProvider services, Action<string> report, int batchSize = BatchSize, CancellationToken ct = default)
    {
        IReadOnlyList<Guid> tenants;
        using (var first = services.CreateScope())
            tenants = await first.ServiceProvider.GetRequiredService<Tenancy>().TenantIdsAsync(first.ServiceProvider.GetRequiredService<LianxinDb>(), ct);
        var pd = services.GetRequiredService<PersonalData>();
        int seen = 0, rewritten = 0;
        foreach (var tenant in tenants)
        {
            var last = Guid.Empty;
            while (true)
            {
                // A fresh scope per batch: the change tracker stays small however large the roster.
                using var scope = services.CreateScope();
                scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
                var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
                var batch = await db.Members.AcrossScope().Where(m => m.Id.CompareTo(last) > 0)
                    .OrderBy(m => m.Id).Take(batchSize).ToListAsync(ct);
                if (batch.Count == 0) break;
                var changed = 0;
                foreach (var m in batch.Where(m => !m.IdNumberCipher.StartsWith(pd.CurrentPrefix, StringComparison.Ordinal)))
                {
                    m.IdNumberCipher = pd.Encrypt(pd.Decrypt(m.IdNumberCipher));
                    changed++;
                }
                await db.SaveChangesAsync(ct);
                seen += batch.Count;
                rewritten += changed;
                last = batch[^1].Id;
                report($"已检查 {seen} 条，重新加密 {rewritten} 条……");
            }
        }
        return new RekeyCount(seen, rewritten);
    }
}
