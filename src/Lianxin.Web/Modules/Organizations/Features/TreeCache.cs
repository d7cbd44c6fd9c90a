using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using System.Security.Cryptography;
using System.Text;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>
/// The live tree's answers, kept per district, caller's scope, root and depth, and served while the district's org version
/// (<see cref="OrgTreeVersion"/>, bumped by a trigger in every writer's own transaction) is still the one they were read at
/// (ADR 0061). The version is read from the database on every request, so every app instance sees a change as soon as it
/// commits; nothing is kept between requests that another instance could contradict. Bounded by the number of nodes kept.
/// A kept list is handed to every caller with the same key: read it, never change it. Each answer has an entity tag made of the
/// version, the key and this build, so a client that sends it back is told "not modified" instead of sent the tree again.
/// </summary>
public sealed class TreeCache : IDisposable
{
    /// <summary>Nodes kept across all answers: about 200 bytes each, so at most ≈ 10 MB.</summary>
    public const int NodeBudget = 50_000;

    readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = NodeBudget });

    sealed record Entry(long Version, Answer Answer);

    /// <summary>The nodes and their entity tag; no tag for an answer read inside a transaction (it may roll back).</summary>
    public sealed record Answer(List<TreeNode> Nodes, string? Tag);

    // The caller's district through the tenant filter.
    static readonly Func<LianxinDb, CancellationToken, Task<long>> ReadVersion = EF.CompileAsyncQuery(
        (LianxinDb db, CancellationToken ct) => db.Set<OrgTreeVersion>().Select(v => v.Version).FirstOrDefault());

    /// <summary>
    /// The kept answer for this caller, or <paramref name="read"/>'s, kept for the next caller with the same scope. The version
    /// is read before the units, so an answer is never kept under a version newer than the rows it was built from. Inside a
    /// transaction nothing is kept or served: its own uncommitted writes (and bumps) may still roll back.
    /// </summary>
    public async Task<Outcome<Answer>> GetAsync(LianxinDb db, Guid? rootId, int depth,
        Func<Task<Outcome<List<TreeNode>>>> read, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var unkept = await read();
            return unkept.IsOk ? new Answer(unkept.Value!, null) : unkept.AsFailure();
        }
        var version = await ReadVersion(db, ct);
        var key = KeyOf(db, rootId, depth);
        if (entries.TryGetValue(key, out Entry? kept) && kept!.Version == version) return kept.Answer;
        var built = await read();
        if (!built.IsOk) return built.AsFailure();
        var fresh = new Answer(built.Value!, TagOf(version, key));
        if (!(entries.TryGetValue(key, out kept) && kept!.Version > version))
            entries.Set(key, new Entry(version, fresh), new MemoryCacheEntryOptions
            {
                Size = Math.Max(1, fresh.Nodes.Count),
                SlidingExpiration = TimeSpan.FromMinutes(30),
            });
        return fresh;
    }

    // A new build may shape the nodes differently: its tags differ from the last build's at the same version.
    static readonly string Build = typeof(TreeCache).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    /// <summary>Weak (the same nodes, not necessarily the same bytes); the key hashed, so the header shows no scope paths.</summary>
    static string TagOf(long version, string key) =>
        $"W/\"{version}-{Build}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]}\"";

    /// <summary>What the answer depends on besides the units: the district, what the caller sees (the scope filter's roots) and where they may view the tree.</summary>
    static string KeyOf(LianxinDb db, Guid? rootId, int depth)
    {
        var scope = db.Scope;
        var seen = scope.Unrestricted ? "*" : string.Join('|', scope.Paths);
        var viewing = string.Join('|', scope.RootsWith(OrgPermissions.OrgView));
        return $"{scope.TenantId:N} {rootId:N} {depth} {seen} {viewing}";
    }

    public void Dispose() => entries.Dispose();
}
