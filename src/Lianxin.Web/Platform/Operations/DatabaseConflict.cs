using Npgsql;

namespace Lianxin.Web.Platform.Operations;

/// <summary>
/// PostgreSQL ended the request's transaction because another one needed the same rows the other way round (a deadlock,
/// 40P01) or could not be ordered with it (a serialization failure, 40001). Nothing of the request was written, and the
/// same request sent again normally succeeds: the caller gets 409 with that said in Chinese, not a 500 (ADR 0062).
/// </summary>
public static class DatabaseConflict
{
    public const string Message = "有其他人同时在修改相关记录，您的操作没有生效，请刷新后重试。";

    /// <summary>True for a deadlock or serialization failure, however EF or a task wrapped it.</summary>
    public static bool Is(Exception e) => e switch
    {
        AggregateException all => all.InnerExceptions.Any(Is),
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
