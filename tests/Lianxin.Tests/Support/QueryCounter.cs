using System.Data.Common;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Support;

/// <summary>Counts the SQL commands the app sends while a test holds it open (other requests of the test host count too: measure one at a time).</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    readonly List<string> commands = [];
    bool on;

    public IReadOnlyList<string> Commands { get { lock (commands) return commands.ToList(); } }

    /// <summary>A host on the same database whose LianxinDb reports every command to <paramref name="counter"/>.</summary>
    public static WebApplicationFactory<Program> On(LianxinApp app, QueryCounter counter) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<LianxinDb>(o => o.AddInterceptors(counter))));

    public async Task<IReadOnlyList<string>> CountAsync(Func<Task> work)
    {
        lock (commands) { commands.Clear(); on = true; }
        try { await work(); }
        finally { lock (commands) on = false; }
        return Commands;
    }

    void Seen(DbCommand c) { lock (commands) if (on) commands.Add(c.CommandText); }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand c, CommandEventData e, InterceptionResult<DbDataReader> r) { Seen(c); return r; }
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand c, CommandEventData e, InterceptionResult<DbDataReader> r, CancellationToken ct = default) { Seen(c); return ValueTask.FromResult(r); }
    public override InterceptionResult<object> ScalarExecuting(DbCommand c, CommandEventData e, InterceptionResult<object> r) { Seen(c); return r; }
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand c, CommandEventData e, InterceptionResult<object> r, CancellationToken ct = default) { Seen(c); return ValueTask.FromResult(r); }
    public override InterceptionResult<int> NonQueryExecuting(DbCommand c, CommandEventData e, InterceptionResult<int> r) { Seen(c); return r; }
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand c, CommandEventData e, InterceptionResult<int> r, CancellationToken ct = default) { Seen(c); return ValueTask.FromResult(r); }
}
