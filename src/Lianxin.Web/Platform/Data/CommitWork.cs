using System.Data.Common;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// A statement left for the commit: SQL text with <c>{0}</c>, <c>{1}</c>… where its parameters go (as
/// <c>ExecuteSqlRaw</c> takes them), and the parameters, made with the columns' type mappings.
/// </summary>
public record CommitStatement(string Sql, IReadOnlyList<DbParameter> Parameters);

/// <summary>
/// Statements a use case leaves for the end of its transaction (ADR 0044), run by <see cref="Audit.AuditInterceptor"/> at the
/// commit, together with the audit entries. Meant for updates that cannot refuse and touch a row every writer of a
/// community touches (the points bank's issuing and clearing balances): run there, their row lock is held for the last
/// statements only, not over the rest of the transaction. On PostgreSQL they go in the same round trip as the audit INSERT
/// (ADR 0047), so they are plain statements, not code. Like <see cref="Audit.PendingAudit"/> they belong to one
/// transaction: one that ends otherwise (rolled back, or disposed without a commit) drops them.
/// </summary>
public class CommitWork
{
    readonly List<CommitStatement> statements = [];
    Guid transactionId;

    public void Add(Guid transaction, CommitStatement statement)
    {
        if (transaction != transactionId) { statements.Clear(); transactionId = transaction; }
        statements.Add(statement);
    }

    /// <summary>The statements of this transaction, removed from the list; none for another transaction's id.</summary>
    public List<CommitStatement> Take(Guid transaction)
    {
        if (transaction != transactionId || statements.Count == 0) return [];
        var taken = statements.ToList();
        statements.Clear();
        return taken;
    }
}
