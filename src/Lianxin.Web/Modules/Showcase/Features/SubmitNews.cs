using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public class VersionInput
{
    public int Version { get; set; }
}

/// <summary>The author sends a draft (or a returned item, edited) to the street for review.</summary>
public static class SubmitNews
{
    public static async Task<Outcome<NewsSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, VersionInput r, CancellationToken ct)
    {
        var item = await db.NewsItems.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (item is null) return Failure.NotFound;
        if (!db.Scope.Can(ShowcasePermissions.NewsWrite, item.OrgPath)) return Failure.Forbidden;
        if (!ShowcaseRules.Editable(item.State)) return Failure.Conflict($"稿件{item.State.Chinese()}，不能再提交。");
        if (item.Version != r.Version) return Failure.Stale;
        db.Entry(item).Property(x => x.Version).OriginalValue = r.Version;
        item.State = NewsState.Submitted;
        item.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new NewsSaved(item.Id, item.State, item.Version);
    }
}
