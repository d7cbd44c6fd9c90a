using System.Collections;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lianxin.Bench;

/// <summary>What one operation of the app did on its connections, in order, as Npgsql saw it.</summary>
public enum StepKind { Open, Close, Begin, Commit, Rollback, Execute }

/// <summary>
/// One step; for <see cref="StepKind.Execute"/> one round trip: a command EF ran (its text and its parameters as EF made
/// them), or what Npgsql logged of a command or batch sent past EF (the audit's, ADR 0047), positional values.
/// </summary>
public sealed record Step(StepKind Kind, DbCommandText? Command, IReadOnlyList<(string Sql, object?[] Values)> Statements)
{
    public static Step Of(StepKind kind) => new(kind, null, []);
}

/// <summary>An EF command: text and parameters (copies: name, type and value), sent again as they were.</summary>
public sealed record DbCommandText(string Sql, NpgsqlParameter[] Parameters);

/// <summary>
/// Records every round trip the app makes from one async flow, with its parameters: the commands EF runs through
/// <see cref="Interceptor"/> (Npgsql's log writes a list parameter as text, cut after ten items), everything else through
/// Npgsql's own logging (<c>NpgsqlLoggingConfiguration</c>, parameters on): the audit's batches that bypass EF, the
/// transactions' starts and ends, the pooled opens and closes. It sees only flows that called <see cref="Start"/>, so the
/// rest of the process pays one <see cref="AsyncLocal{T}"/> read per command. <see cref="StatementReplay"/> sends the same
/// steps again: the ledger's "same statements" baseline (issue 15: baselines that issue the statements the app issues).
/// </summary>
public sealed class StatementCapture : ILoggerProvider
{
    sealed class Recording
    {
        public readonly List<Step> Steps = [];
        // EF's command was recorded with its parameters: Npgsql's log line for it, which comes next, is skipped.
        public bool LoggedByEf;
    }

    static readonly AsyncLocal<Recording?> Into = new();
    static bool installed;

    /// <summary>Added to the app's DbContext: EF's commands, recorded before Npgsql sends them.</summary>
    public static readonly IInterceptor Interceptor = new EfCommands();

    /// <summary>Npgsql reads its logging once, before its first connection: call this first thing in the process.</summary>
    public static void Install()
    {
        if (installed) return;
        NpgsqlLoggingConfiguration.InitializeLogging(
            LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new StatementCapture())), parameterLoggingEnabled: true);
        installed = true;
    }

    /// <summary>From here on (this flow and what it awaits), statements go into the list returned.</summary>
    public static List<Step> Start() => (Into.Value = new Recording()).Steps;

    public static void Stop() => Into.Value = null;

    public ILogger CreateLogger(string categoryName) => new Recorder();

    public void Dispose() { }

    sealed class Recorder : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Every step recorded is logged at Debug; Npgsql logs a command only when Information is on too. Trace is not needed.
        public bool IsEnabled(LogLevel logLevel) => logLevel is LogLevel.Debug or LogLevel.Information && Into.Value is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Into.Value is not { } recording || state is not IReadOnlyList<KeyValuePair<string, object?>> fields) return;
            var executing = eventId.Name is "ExecutingCommand" or "ExecutingCommandWithParameters" or "ExecutingBatch" or "ExecutingBatchWithParameters";
            if (executing && recording.LoggedByEf)
            {
                recording.LoggedByEf = false;
                return;
            }
            Step? step = eventId.Name switch
            {
                "OpenedConnection" => Step.Of(StepKind.Open),
                "ClosedConnection" => Step.Of(StepKind.Close),
                "StartedTransaction" => Step.Of(StepKind.Begin),
                "CommittedTransaction" => Step.Of(StepKind.Commit),
                "RolledBackTransaction" => Step.Of(StepKind.Rollback),
                "ExecutingCommand" or "ExecutingCommandWithParameters" =>
                    new Step(StepKind.Execute, null, [((string)Field(fields, "CommandText")!, Values(Field(fields, "Parameters")))]),
                "ExecutingBatch" or "ExecutingBatchWithParameters" => new Step(StepKind.Execute, null, Batch(Field(fields, "BatchCommands"))),
                _ => null,
            };
            if (step is not null) recording.Steps.Add(step);
        }

        static object? Field(IReadOnlyList<KeyValuePair<string, object?>> fields, string name)
        {
            foreach (var (key, value) in fields)
                if (key == name) return value;
            return null;
        }

        // A batch is logged as its texts, or as (text, values) pairs when parameters are logged.
        static List<(string, object?[])> Batch(object? commands) => commands is IEnumerable list
            ? list.Cast<object>().Select(c => c is ITuple t ? ((string)t[0]!, Values(t[1])) : ((string)c, Array.Empty<object?>())).ToList()
            : [];

        // Npgsql logs a null as the text "NULL"; no value the audit's batches send is that text, nor a list.
        static object?[] Values(object? parameters) => parameters is IEnumerable values
            ? values.Cast<object?>().Select(v => v is "NULL" ? null : v).ToArray()
            : [];
    }

    sealed class EfCommands : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken ct = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken ct = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        static void Record(DbCommand command)
        {
            if (Into.Value is not { } recording) return;
            recording.Steps.Add(new Step(StepKind.Execute,
                new DbCommandText(command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()), []));
            recording.LoggedByEf = true;
        }
    }
}
