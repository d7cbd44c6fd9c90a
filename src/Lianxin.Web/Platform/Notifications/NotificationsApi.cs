using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Notifications;

/// <summary>/api/v1/notifications: the caller's inbox; only their own notices exist for them (others 404).</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        g.MapGet("/", async (LianxinDb db, bool? unreadOnly, int? take, CancellationToken ct) =>
                TypedResults.Ok(await Inbox.ListAsync(db, unreadOnly ?? false, take ?? Inbox.PageSize, ct)))
            .WithSummary("我的通知（未读在前）");
        g.MapGet("/unread-count", async (LianxinDb db, CancellationToken ct) => TypedResults.Ok(new { unread = await Inbox.UnreadAsync(db, ct) }))
            .WithSummary("未读通知数");
        g.MapPost("/{id:guid}/read", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
            {
                var o = await Inbox.MarkReadAsync(db, clock, id, ct);
                return o.IsOk ? Results.Ok(o.Value) : TypedResults.Problem(o.Message, statusCode: StatusCodes.Status404NotFound, title: "未找到");
            })
            .Produces<InboxRow>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("标记为已读");
        g.MapPost("/read-all", async (LianxinDb db, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await Inbox.MarkAllReadAsync(db, clock, ct)))
            .WithSummary("全部标记为已读");
    }
}
