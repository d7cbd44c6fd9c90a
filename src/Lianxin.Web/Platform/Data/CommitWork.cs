namespace Lianxin.Web.Platform.Data;

/// <summary>
/// Statements a use case leaves for the end of its transaction (ADR 0044), run by <see cref="Audit.AuditInterceptor"/> at the
/// commit, right after the audit entries. Meant for updates that cannot fail and touch a row every writer of a community
/// touches (the points bank's issuing and clearing balances): run there, their row lock is held for the last statements
/// only, not over the rest of the transaction. Like <see cref="Audit.PendingAudit"/> they belong to one transaction: one that
/// ends otherwise (rolled back, or disposed without a commit) drops them.
/// </summary>
public class CommitWork
{
    readonly List<Func<CancellationToken, Task>> steps = [];
    Guid transactionId;

    public void Add(Guid transaction, Func<CancellationToken, Task> step)
    {
        if (transaction != transactionId) { steps.Clear(); transactionId = transaction; }
        steps.Add(step);
    }

    /// <summary>The steps of this transaction, removed from the list; none for another transaction's id.</summary>
    public List<Func<CancellationToken, Task>> Take(Guid transaction)
    {
        if (transaction != transactionId || steps.Count == 0) return [];
        var taken = steps.ToList();
        steps.Clear();
        return taken;
    }
}
