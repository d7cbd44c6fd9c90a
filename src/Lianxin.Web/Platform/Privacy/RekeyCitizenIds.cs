using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Privacy;

public record RekeyCount(int Checked, int Rewritten);

/// <summary>
/// <c>rekey-ids</c>: rewrites every stored citizen ID number under the current encryption key, a batch per transaction
/// and in id order, so a run that stops half-way is simply run again; values already under the current key (its prefix) are left alone. The keyed
/// search hash does not depend on the encryption key and stays as it is.
/// </summary>
public static class RekeyCitizenIds
{
    public const int BatchSize = 500;

    public static async Task<RekeyCount> RunAsync(IServiceProvider services, Action<string> report, int batchSize = BatchSize, CancellationToken ct = default)
    {
        List<Guid> tenants;
        using (var first = services.CreateScope())
        {
            var db = first.ServiceProvider.GetRequiredService<LianxinDb>();
            first.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(Guid.Empty);
            tenants = await db.Members.IgnoreQueryFilters().Select(m => m.TenantId).Distinct().ToListAsync(ct);
        }
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
                var batch = await db.Members.IgnoreQueryFilters().Where(m => m.TenantId == tenant && m.Id.CompareTo(last) > 0)
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
