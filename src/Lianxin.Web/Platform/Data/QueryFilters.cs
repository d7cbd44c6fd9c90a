using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Query;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// The two named query filters every tenant table gets by convention (ADR 0016): <see cref="Tenant"/> (the caller's
/// district) on every <see cref="Entity"/>, and <see cref="Scope"/> (the caller's subtrees) on every
/// <see cref="IOrgScoped"/>. Modules lift only <see cref="Scope"/>, and only through <see cref="AcrossScope{T}"/>.
/// </summary>
public static class QueryFilters
{
    public const string Tenant = "tenant";
    public const string Scope = "scope";
    const string ScopePathAnnotation = "Lianxin:ScopePath";

    /// <summary>
    /// Every row of the caller's district, whatever the caller's subtrees: for system work (jobs, imports, moves,
    /// names of units above the caller). The tenant filter stays; there is no way around it outside Platform.
    /// </summary>
    public static IQueryable<T> AcrossScope<T>(this IQueryable<T> query) where T : class => query.IgnoreQueryFilters([Scope]);

    /// <summary>
    /// A query compiled once (ADR 0057) that answers its first row across the caller's scope, as <see cref="AcrossScope{T}"/>
    /// does for a query built per call: <c>AcrossScope()</c> cannot appear inside a compiled query's expression, so the scope
    /// filter is lifted here, on the whole query; the tenant filter stays. Tables are <c>db.Set&lt;T&gt;()</c> inside (ADR 0065).
    /// </summary>
    public static Func<LianxinDb, TA, TB, CancellationToken, Task<TResult?>> CompileFirstAcrossScope<TA, TB, TResult>(
        Expression<Func<LianxinDb, TA, TB, IQueryable<TResult>>> query) where TResult : class =>
        EF.CompileAsyncQuery(FirstAcrossScope<Func<LianxinDb, TA, TB, CancellationToken, TResult>, TResult>(query))!;

    /// <inheritdoc cref="CompileFirstAcrossScope{TA, TB, TResult}"/>
    public static Func<LianxinDb, TA, TB, TC, CancellationToken, Task<TResult?>> CompileFirstAcrossScope<TA, TB, TC, TResult>(
        Expression<Func<LianxinDb, TA, TB, TC, IQueryable<TResult>>> query) where TResult : class =>
        EF.CompileAsyncQuery(FirstAcrossScope<Func<LianxinDb, TA, TB, TC, CancellationToken, TResult>, TResult>(query))!;

    /// <inheritdoc cref="CompileFirstAcrossScope{TA, TB, TResult}"/>
    public static Func<LianxinDb, TA, TB, TC, TD, CancellationToken, Task<TResult?>> CompileFirstAcrossScope<TA, TB, TC, TD, TResult>(
        Expression<Func<LianxinDb, TA, TB, TC, TD, IQueryable<TResult>>> query) where TResult : class =>
        EF.CompileAsyncQuery(FirstAcrossScope<Func<LianxinDb, TA, TB, TC, TD, CancellationToken, TResult>, TResult>(query))!;

    // query(db, …) becomes (db, …, ct) => query's body, scope filter lifted, first row or null.
    static Expression<TDelegate> FirstAcrossScope<TDelegate, TResult>(LambdaExpression query) =>
        Expression.Lambda<TDelegate>(
            Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TResult)],
                Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters), [typeof(TResult)],
                    query.Body, Expression.Constant(new[] { Scope }, typeof(IReadOnlyCollection<string>)))),
            [.. query.Parameters, Expression.Parameter(typeof(CancellationToken), "ct")]);

    /// <summary>A scoped table whose path column is not called OrgPath (the org units' own <c>Path</c>).</summary>
    public static EntityTypeBuilder<T> ScopedBy<T>(this EntityTypeBuilder<T> e, Expression<Func<T, string>> path) where T : class
    {
        e.HasAnnotation(ScopePathAnnotation, ((MemberExpression)path.Body).Member.Name);
        return e;
    }

    /// <summary>Adds the tenant and scope filters to every table that has not declared its own.</summary>
    internal static void Apply(ModelBuilder b, LianxinDb db, bool rangeScan)
    {
        foreach (var type in b.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(Entity).IsAssignableFrom(t.ClrType)).ToList())
        {
            var entity = b.Entity(type.ClrType);
            if (type.FindDeclaredQueryFilter(Tenant) is null)
                entity.HasQueryFilter(Tenant, db.TenantFilter(type.ClrType));
            if (!typeof(IOrgScoped).IsAssignableFrom(type.ClrType)) continue;
            var path = type[ScopePathAnnotation] as string ?? nameof(IOrgScoped.OrgPath);
            if (type.FindDeclaredQueryFilter(Scope) is null)
                entity.HasQueryFilter(Scope, db.ScopeFilter(type.ClrType, path, rangeScan));
            ScopeIndex(type, path);
        }
    }

    /// <summary>
    /// Every scoped table has an index led by (TenantId, path) for its scope filter; on PostgreSQL the path column uses
    /// pattern operators so that LIKE 'root%' is an index range under any collation (SQLite ignores the operators).
    /// </summary>
    static void ScopeIndex(IMutableEntityType type, string pathName)
    {
        var tenant = type.FindProperty(nameof(Entity.TenantId))!;
        var path = type.FindProperty(pathName)!;
        var led = type.GetIndexes().Where(i => i.Properties.Count >= 2 && i.Properties[0] == tenant && i.Properties[1] == path).ToList();
        if (led.Any(i => i.GetOperators() is { } ops && ops[1] == "varchar_pattern_ops")) return;
        var index = led.FirstOrDefault() ?? type.AddIndex([tenant, path]);
        index.SetOperators(index.Properties.Select(p => p == path ? "varchar_pattern_ops" : null).ToArray()!);
    }

    /// <summary>The first path after every path that starts with <paramref name="root"/> ('/' + 1 is '0').</summary>
    public static string RangeEnd(string root) => root[..^1] + (char)(root[^1] + 1);
}
