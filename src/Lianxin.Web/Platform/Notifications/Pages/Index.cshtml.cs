using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Notifications.Pages;

/// <summary>/notifications: my inbox, unread first; open (marks read and follows the link), mark read, mark all read.</summary>
public class IndexModel(LianxinDb db, TimeProvider clock) : PageModel
{
    public InboxPage Inbox { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Inbox = await Notifications.Inbox.ListAsync(db, false, Notifications.Inbox.PageSize, ct);
        ViewData["Title"] = "通知";
        ViewData["Crumbs"] = new[] { new Crumb("通知") };
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        var o = await Notifications.Inbox.MarkReadAsync(db, clock, id, ct);
        return o.ToPage(this, _ => RedirectToPage());
    }

    /// <summary>Marks the notice read and goes where it points (local links only).</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var o = await Notifications.Inbox.MarkReadAsync(db, clock, id, ct);
        return o.ToPage(this, n => n.Link is { } link && Outbox.IsLocal(link) ? LocalRedirect(link) : RedirectToPage());
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await Notifications.Inbox.MarkAllReadAsync(db, clock, ct);
        TempData["Flash"] = marked.Marked > 0 ? $"已将 {marked.Marked} 条通知标为已读。" : "没有未读通知。";
        return RedirectToPage();
    }
}
