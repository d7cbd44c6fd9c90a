using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>
/// The live tree's answers, kept per district, caller's scope, root and depth, and served while the district's org version
/// (<see cref="OrgTreeVersion"/>, bumped by a trigger in every writer's own transaction) is still the one they were read at
/// (ADR 0061). The version is read from the database on every request, so every app instance sees a change as soon as it
/// commits; nothing is kept between requests that another instance could contradict. Bounded by the number of nodes kept.
/// A kept list is handed to every caller with the same key: read it, never change it.
/// </summary>
public sealed class TreeCache : IDisposable
{
    /// <summary>Nodes kept across all answers: about 200 bytes each, so at most ≈ 10 MB.</summary>
    public const int NodeBudget = 50_000;

    readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = NodeBudget });

    sealed record Entry(long Version, List<TreeNode> Nodes);

    // The caller's district through the tenant filter.
    static readonly Func<LianxinDb, CancellationToken, Task<long>> ReadVersion = EF.CompileAsyncQuery(
        (LianxinDb db, CancellationToken ct) => db.Set<OrgTreeVersion>().Select(v => v.Version).FirstOrDefault());

    /// <summary>
    /// The kept answer for this caller, or <paramref name="read"/>'s, kept for the next caller with the same scope. The version
    /// is read before the units, so an answer is never kept under a version newer than the rows it was built from. Inside a
    /// transaction nothing is kept or served: its own uncommitted writes (and bumps) may still roll back.
    /// </summary>
    public async Task<Outcome<List<TreeNode>>> GetAsync(LianxinDb db, Guid? rootId, int depth,
        Func<Task<Outcome<List<TreeNode>>>> read, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await read();
        var version = await ReadVersion(db, ct);
        var key = KeyOf(db, rootId, depth);
        if (entries.TryGetValue(key, out Entry? kept) && kept!.Version == version) return kept.Nodes;
        var answer = await read();
        if (answer.IsOk && !(entries.TryGetValue(key, out kept) && kept!.Version > version))
            entries.Set(key, new Entry(version, answer.Value!), new MemoryCacheEntryOptions
            {
                Size = Math.Max(1, answer.Value!.Count),
                SlidingExpiration = TimeSpan.FromMinutes(30),
            });
        return answer;
    }

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
