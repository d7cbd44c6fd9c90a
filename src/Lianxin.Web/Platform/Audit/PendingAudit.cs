using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Audit;

/// <summary>
/// One context's audit entries that wait for their transaction's commit (<see cref="AuditInterceptor"/>, ADR 0041). They
/// belong to one transaction: a transaction that ends otherwise (rolled back, or disposed without a commit) takes its
/// entries with it, and the next transaction starts with none.
/// </summary>
public class PendingAudit
{
    readonly List<AuditEntry> entries = [];
    Guid transactionId;
    // The save in progress: where its entries start, and the ones written by hand it took out of the change tracker.
    int saveStart;
    List<AuditEntry> byHand = [];

    public void Add(Guid transaction, List<AuditEntry> saved, List<AuditEntry> hand)
    {
        if (transaction != transactionId) { entries.Clear(); transactionId = transaction; }
        saveStart = entries.Count;
        byHand = hand;
        entries.AddRange(saved);
    }

    /// <summary>The save's rows are in: its entries stay for the commit.</summary>
    public void Saved()
    {
        saveStart = entries.Count;
        byHand = [];
    }

    /// <summary>
    /// A failed save wrote nothing: its entries go (a retry builds them afresh from the rows still changed), and those
    /// written by hand go back to the change tracker, as they were before the save, so a retry saves them.
    /// </summary>
    public void Failed(LianxinDb db)
    {
        if (saveStart < entries.Count) entries.RemoveRange(saveStart, entries.Count - saveStart);
        foreach (var e in byHand) db.AuditEntries.Add(e);
        byHand = [];
    }

    /// <summary>The entries of this transaction, removed from the list; none for another transaction's id.</summary>
    public List<AuditEntry> Take(Guid transaction)
    {
        if (transaction != transactionId || entries.Count == 0) return [];
        var taken = entries.ToList();
        entries.Clear();
        saveStart = 0;
        return taken;
    }
}
