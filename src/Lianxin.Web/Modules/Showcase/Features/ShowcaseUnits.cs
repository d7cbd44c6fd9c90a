using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Showcase.Features;

public record UnitChoice(Guid Id, string Name, string Path);

/// <summary>The units a form offers: streets, communities and branches the caller sees and may act for with the permission.</summary>
public static class ShowcaseUnits
{
    public static async Task<IReadOnlyList<UnitChoice>> ForAsync(LianxinDb db, OrgDirectory org, Permission permission, CancellationToken ct) =>
        (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community, OrgKind.Branch))
        .Where(u => db.Scope.Can(permission, u.Path)).Select(u => new UnitChoice(u.Id, u.DisplayName, u.Path)).ToList();

    /// <summary>The unit a record is filed under, when the caller sees it and it is a street, community or branch; else null.</summary>
    public static async Task<OrgUnitRef?> FindAsync(OrgDirectory org, Guid id, CancellationToken ct) =>
        await org.FindAsync(id, ct) is { Kind: OrgKind.Street or OrgKind.Community or OrgKind.Branch, IsActive: true } u ? u : null;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
