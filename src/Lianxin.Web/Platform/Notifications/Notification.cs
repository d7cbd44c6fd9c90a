using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Platform.Notifications;

/// <summary>
/// The outbox row a use case writes in the same SaveChanges as its business change, so a notice is sent
/// exactly when the change commits. <see cref="NotificationDispatcher"/> later delivers it to the inbox of
/// each recipient: the people holding a role at <see cref="RecipientUnitId"/> (optionally only roles that
/// allow <see cref="Permission"/>) and/or the one user <see cref="RecipientUserId"/>.
/// </summary>
public class Notification : Entity
{
    public Guid? RecipientUnitId { get; set; }
    public Guid? RecipientUserId { get; set; }
    /// <summary>At the unit, only roles allowing this hear of it (a star downgrade is not news for a resident).</summary>
    public Permission? Permission { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>A local path (starts with "/") to the thing the notice is about.</summary>
    public string? Link { get; set; }
    /// <summary>Which feature raised it, e.g. "reviews.stars".</summary>
    public string Source { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public int Recipients { get; set; }
}

/// <summary>One notice in one person's in-app inbox; read state is per person.</summary>
public class InboxItem : Entity
{
    public Guid NotificationId { get; set; }
    public Guid UserId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime DeliveredAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>What a use case says and to whom.</summary>
public record NotificationMessage(string Title, string Body, string? Link, string Source,
    Guid? RecipientUnitId = null, Guid? RecipientUserId = null, Permission? Permission = null);

/// <summary>Writing to the outbox: the caller saves, so the notice commits (or not) with the business change.</summary>
public static class Outbox
{
    public static Notification Notify(LianxinDb db, TimeProvider clock, NotificationMessage m)
    {
        if (m.RecipientUnitId is null && m.RecipientUserId is null)
            throw new ArgumentException("A notification needs a recipient unit or user.", nameof(m));
        var n = new Notification
        {
            RecipientUnitId = m.RecipientUnitId, RecipientUserId = m.RecipientUserId, Permission = m.Permission,
            Title = Clip(m.Title, 100), Body = Clip(m.Body, 1000), Link = m.Link is { } l && IsLocal(l) ? l : null,
            Source = Clip(m.Source, 60), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Notifications.Add(n);
        return n;
    }

    /// <summary>Only links inside the app are followed (no open redirect through the inbox).</summary>
    public static bool IsLocal(string link) => link.StartsWith('/') && !link.StartsWith("//") && !link.StartsWith("/\\") && link.Length <= 400;

    static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
