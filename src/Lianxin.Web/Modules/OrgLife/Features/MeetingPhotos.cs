using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record PhotosSaved(IReadOnlyList<Guid> Ids);

/// <summary>
/// Photos of a meeting (会议照片, the evidence 观摩 checks) in the platform file store, served by the general file route to
/// whoever may view the branch's organisational life (the <see cref="FileOwner"/> the module registers).
/// </summary>
public static class MeetingPhotos
{
    public const string Module = "orglife", Kind = "meeting";
    /// <summary>A meeting keeps a handful of photos: a sign-in sheet, the room, the board.</summary>
    public const int MaxPerMeeting = 9;

    public static async Task<Outcome<PhotosSaved>> AddAsync(LianxinDb db, TimeProvider clock, Guid meetingId, IReadOnlyList<Upload> photos, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.Record, m.OrgPath)) return Failure.Forbidden;
        if (photos.Count == 0) return Failure.Invalid("Photos", "请选择要上传的照片。");
        var have = await FileStore.Of(db, Module, Kind).CountAsync(f => f.OwnerId == m.Id, ct);
        if (have + photos.Count > MaxPerMeeting) return Failure.Invalid("Photos", $"每场会议最多保存 {MaxPerMeeting} 张照片，已有 {have} 张。");
        var files = FileStore.Add(db, new Attachment(Module, Kind, m.TenantId, m.Id, m.OrgPath), photos, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new PhotosSaved(files.Select(f => f.Id).ToList());
    }

    /// <summary>The photos of a meeting the caller has already found (scope checked there), oldest first.</summary>
    public static async Task<IReadOnlyList<Guid>> IdsAsync(LianxinDb db, Guid meetingId, CancellationToken ct) =>
        await FileStore.Of(db, Module, Kind).Where(f => f.OwnerId == meetingId).OrderBy(f => f.CreatedAt).Select(f => f.Id).ToListAsync(ct);
}
