using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// Ends the transaction of a save that failed, so that the save's own exception is the one the caller sees. When the
/// connection died with the save (the database stopped), Npgsql has already disposed the transaction and a rollback
/// throws ObjectDisposedException; let through, it replaced the NpgsqlException and a database outage answered 500
/// instead of 503 (issue 17, ADR 0040). A connection that is gone has no transaction left on the server to roll back.
/// No cancellation token: a client that hung up must not leave the transaction open.
/// </summary>
public static class FailedTransaction
{
    public static async Task EndAsync(IDbContextTransaction tx)
    {
        try { await tx.RollbackAsync(CancellationToken.None); } catch (Exception) { /* the save's exception wins */ }
        try { await tx.DisposeAsync(); } catch (Exception) { /* likewise */ }
    }

    public static void End(IDbContextTransaction tx)
    {
        try { tx.Rollback(); } catch (Exception) { /* the save's exception wins */ }
        try { tx.Dispose(); } catch (Exception) { /* likewise */ }
    }
}
