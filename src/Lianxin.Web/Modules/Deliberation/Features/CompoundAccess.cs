using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Deliberation.Features;

static class CompoundAccess
{
    /// <summary>The compound when the caller sees it (its place path lies in their scope), else null: answer 404.</summary>
    public static async Task<CompoundRef?> SeenAsync(LianxinDb db, PlaceDirectory places, Guid id, CancellationToken ct) =>
        (await places.CompoundsAsync([id], ct)).FirstOrDefault() is { } c && db.Scope.Sees(c.OrgPath) ? c : null;
}
