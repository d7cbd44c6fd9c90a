using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Notifications;

public record InboxRow(Guid Id, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public bool Unread => ReadAt is null;
}

public record InboxPage(int Unread, List<InboxRow> Items);

public record MarkedRead(int Marked, int Unread);

/// <summary>The caller's in-app inbox (the query filter limits it to their own rows): unread first, newest first.</summary>
public static class Inbox
{
    public const int PageSize = 50;

    public static async Task<InboxPage> ListAsync(LianxinDb db, bool unreadOnly, int take, CancellationToken ct)
    {
        var q = db.InboxItems.AsNoTracking();
        if (unreadOnly) q = q.Where(i => i.ReadAt == null);
        var items = await q.OrderBy(i => i.ReadAt == null ? 0 : 1).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(Math.Clamp(take, 1, 200))
            .Select(i => new InboxRow(i.Id, i.Title, i.Body, i.Link, i.CreatedAt, i.ReadAt)).ToListAsync(ct);
        return new InboxPage(await UnreadAsync(db, ct), items);
    }

    public static Task<int> UnreadAsync(LianxinDb db, CancellationToken ct) =>
        db.Scope.UserId is null ? Task.FromResult(0) : db.InboxItems.CountAsync(i => i.ReadAt == null, ct);

    /// <summary>Marks one notice read; another person's notice is simply not found.</summary>
    public static async Task<Outcome<InboxRow>> MarkReadAsync(LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return Failure.NotFound;
        if (item.ReadAt is null)
        {
            item.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return new InboxRow(item.Id, item.Title, item.Body, item.Link, item.CreatedAt, item.ReadAt);
    }

    public static async Task<MarkedRead> MarkAllReadAsync(LianxinDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await db.InboxItems.Where(i => i.ReadAt == null).ToListAsync(ct);
        foreach (var i in unread) i.ReadAt = now;
        if (unread.Count > 0) await db.SaveChangesAsync(ct);
        return new MarkedRead(unread.Count, 0);
    }
}

/// <summary>For the layout's bell: the unread count, once per request.</summary>
public class InboxBadge(LianxinDb db)
{
    int? count;

    public async Task<int> UnreadAsync()
    {
        try { return count ??= await Inbox.UnreadAsync(db, CancellationToken.None); }
        catch (Exception) when (count is null) { return 0; } // the error page must render even when the database does not answer
    }
}
