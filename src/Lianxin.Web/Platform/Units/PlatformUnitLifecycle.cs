using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Platform.Units;

/// <summary>Platform's own rows under a moved unit: role grants and stored files.</summary>
public class PlatformUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["idn_role_grants"] = await db.RebaseAsync<RoleGrant>(oldRoot, newRoot, ct),
            ["plt_files"] = await db.RebaseAsync<StoredFile>(oldRoot, newRoot, ct),
        };

    // Grants and files follow their unit; neither keeps a unit from being dissolved.
    public Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct) => Task.FromResult<string?>(null);
}
