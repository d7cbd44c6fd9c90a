using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>A line of a department's inbox with its own deadline judged now: overdue while unanswered past <c>DueAt</c>.</summary>
public record DispatchInboxRow(DispatchDto Dispatch, string TicketNo, string Category, string Description, string? Address, bool Overdue, int DaysLate);

/// <summary>部门报到 inbox with overdue dispatches flagged (and listed first), judged by the injected clock.</summary>
public static class DispatchInbox
{
    public static async Task<Outcome<List<DispatchInboxRow>>> ListAsync(LianxinDb db, TimeProvider clock, DispatchState? state, bool? overdue, CancellationToken ct)
    {
        var rows = await DemandQueries.DispatchesAsync(db, state, ct);
        if (!rows.IsOk) return new Failure(rows.Kind, rows.Errors, rows.Message);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.Value!
            .Select(r => new DispatchInboxRow(r.Dispatch, r.TicketNo, r.Category, r.Description, r.Address,
                DispatchDeadline.IsOverdue(r.Dispatch.State, r.Dispatch.DueAt, now),
                DispatchDeadline.IsOverdue(r.Dispatch.State, r.Dispatch.DueAt, now) ? DispatchDeadline.DaysLate(r.Dispatch.DueAt, now) : 0))
            .Where(r => overdue is null || r.Overdue == overdue)
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Dispatch.SentAt)
            .ToList();
    }
}
