using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Platform.Files;

/// <summary>
/// A kind of record that has files, registered by its module (<c>services.AddSingleton(new FileOwner(...))</c>): its files are
/// served to callers who see the file's unit (the scope filter) and hold any of <paramref name="SeeWith"/> there (none listed:
/// scope alone). A kind nobody registered is served to no one.
/// </summary>
public sealed record FileOwner(string Module, string Kind, params Permission[] SeeWith)
{
    /// <summary>The module's finer rule on the owner, when the permission is not enough (a score sheet's photos only for its round's people).</summary>
    public Func<LianxinDb, Guid, CancellationToken, Task<bool>>? Sees { get; init; }
}

/// <summary>The record a new file belongs to: its module, kind, id and unit (tenant and path, copied onto the file).</summary>
public readonly record struct Attachment(string Module, string Kind, Guid TenantId, Guid OwnerId, string OrgPath, string? Part = null);
