using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class RatingRequest
{
    public int Rating { get; set; }
    public string? Comment { get; set; }
    public int Version { get; set; }
}

/// <summary>The community rates a fulfilled obligation (1–5 stars); the annual review counts the ratings.</summary>
public static class RateFulfilment
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, Guid obligationId, RatingRequest r, CancellationToken ct)
    {
        var o = await db.Obligations.FirstOrDefaultAsync(x => x.Id == obligationId, ct);
        if (o is null) return Failure.NotFound;
        if (!LoopAccess.Staff(db, o.OrgPath)) return Failure.Forbidden;
        if (o.FulfilledOn is null) return Failure.Conflict("该项义务尚未登记履约，不能评价。");
        var e = new Errors();
        if (r.Rating is < 1 or > 5) e.Fail(nameof(r.Rating), "评价须为 1–5 星。");
        e.Max(nameof(r.Comment), r.Comment, 200, "评价意见");
        if (e.Any) return Failure.Invalid(e);
        if (o.Version != r.Version) return Failure.Stale;
        db.Entry(o).Property(x => x.Version).OriginalValue = r.Version;
        (o.Rating, o.RatingComment, o.RatedBy) = (r.Rating, LoopAccess.Blank(r.Comment), db.Scope.UserName);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new LoopSaved(o.Id, o.Version);
    }
}
