using System.Linq.Expressions;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// The one database. Each module owns its tables (a name prefix), configures them in its own Data/ folder through
/// <see cref="IModule.ConfigureModel"/> and names its sets there (C# extension properties, e.g. <c>db.Demands</c>).
/// Tenant and org scope are named query filters added by convention (<see cref="QueryFilters"/>), read from <see cref="OrgScope"/>.
/// </summary>
public class LianxinDb(DbContextOptions<LianxinDb> options, OrgScope scope, ModuleCatalog modules) : IdentityUserContext<AppUser, Guid>(options)
{
    public OrgScope Scope { get; } = scope;
    public ModuleCatalog Modules { get; } = modules;

    // Read by the query filters; EF re-reads them per query from the context in use.
    public Guid CurrentTenantId => Scope.TenantId;
    public bool ScopeAll => Scope.Unrestricted;
    public string[] ScopePaths => Scope.Paths;
    /// <summary>The one root of a caller with a single subtree (most people): a plain prefix test, no per-row subquery.</summary>
    public string? ScopeSingle => Scope.Paths.Length == 1 ? Scope.Paths[0] : null;
    public string? ScopeSingleEnd => ScopeSingle is { } root ? QueryFilters.RangeEnd(root) : null;
    /// <summary>The signed-in caller (empty for the system), for tables a person sees only their own rows of.</summary>
    public Guid ScopeUserId => Scope.UserId ?? Guid.Empty;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<SignInFailureCount> SignInFailureCounts => Set<SignInFailureCount>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        b.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        b.Properties<string>().HaveMaxLength(200);
        b.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        IdentityModel.Configure(b, this);
        AuditModel.Configure(b, this);
        JobLease.Configure(b);
        SignInFailureCount.Configure(b);
        Security.DataProtectionKeyRow.Configure(b);
        Tenant.Configure(b);
        Privacy.PendingSeal.Configure(b);
        Events.EventTables.Configure(b);
        FilesModel.Configure(b, this);
        NotificationsModel.Configure(b, this);
        Calendar.CalendarModel.Configure(b, this);
        foreach (var module in Modules.Modules) module.ConfigureModel(b, this);
        QueryFilters.Apply(b, this, rangeScan: !Database.IsNpgsql());
    }

    // Built here so that the filters reference this context (EF swaps in the context running each query).
    internal LambdaExpression TenantFilter(Type clr)
    {
        var e = Expression.Parameter(clr, "e");
        Expression<Func<Guid, bool>> same = t => t == CurrentTenantId;
        return Expression.Lambda(ReplacingExpressionVisitor.Replace(same.Parameters[0], Column<Guid>(e, nameof(Entity.TenantId)), same.Body), e);
    }

    /// <summary>
    /// A caller with one subtree (most people) gets a plain prefix test an index serves: on SQLite the range
    /// <c>path &gt;= root AND path &lt; rootEnd</c> (SQLite's LIKE cannot use the index), on PostgreSQL LIKE 'root%'
    /// (pattern-operator indexes). A caller with several subtrees: any of them.
    /// </summary>
    internal LambdaExpression ScopeFilter(Type clr, string pathProperty, bool rangeScan)
    {
        var e = Expression.Parameter(clr, "e");
        Expression<Func<string, bool>> visible = rangeScan
            ? p => ScopeAll || (ScopeSingle != null
                ? string.Compare(p, ScopeSingle) >= 0 && string.Compare(p, ScopeSingleEnd) < 0
                : ScopePaths.Any(root => p.StartsWith(root)))
            : p => ScopeAll || (ScopeSingle != null ? p.StartsWith(ScopeSingle) : ScopePaths.Any(root => p.StartsWith(root)));
        return Expression.Lambda(ReplacingExpressionVisitor.Replace(visible.Parameters[0], Column<string>(e, pathProperty), visible.Body), e);
    }

    static Expression Column<T>(ParameterExpression e, string name) =>
        Expression.Call(typeof(EF), nameof(EF.Property), [typeof(T)], e, Expression.Constant(name));

    /// <summary>The transaction <see cref="Audit.AuditInterceptor"/> opened for a save that had none (ADR 0029), until that save ends.</summary>
    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? AuditTransaction { get; set; }

    /// <summary>
    /// A lost update (version token) does not reach SaveChangesFailed, and EF's ThrowingConcurrencyException comes while
    /// PostgreSQL's reader is still open; so the saves here call this once the exception is out. Without it the transaction
    /// the audit opened stayed open after the 409 (SQLite's write lock) until the context was disposed, and the caller's next
    /// save committed inside it. (The save's pending entries are dropped by the caller, owned transaction or not.)
    /// </summary>
    internal async Task AbandonAuditTransactionAsync()
    {
        if (AuditTransaction is { } tx) { AuditTransaction = null; await FailedTransaction.EndAsync(tx); }
    }

    /// <inheritdoc cref="AbandonAuditTransactionAsync"/>
    internal void AbandonAuditTransaction()
    {
        if (AuditTransaction is { } tx) { AuditTransaction = null; FailedTransaction.End(tx); }
    }

    /// <summary>This context's audit entries waiting for their transaction's commit (ADR 0041).</summary>
    internal PendingAudit PendingAudit { get; } = new();

    /// <summary>This context's steps left for its transaction's commit (<see cref="AtCommit"/>).</summary>
    internal CommitWork CommitWork { get; } = new();

    /// <summary>
    /// Runs <paramref name="statement"/> when the current transaction commits, with its audit entries (ADR 0044, 0047);
    /// dropped if it does not commit. Only for statements that cannot refuse: one that changes no row fails the commit.
    /// </summary>
    public void AtCommit(CommitStatement statement) =>
        CommitWork.Add((Database.CurrentTransaction ?? throw new InvalidOperationException("AtCommit needs a transaction.")).TransactionId, statement);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        var follow = StageAggregatesAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (follow.Count == 0)
        {
            try { return base.SaveChanges(acceptAllChangesOnSuccess); }
            catch (DbUpdateConcurrencyException) { PendingAudit.Failed(this); AbandonAuditTransaction(); throw; }
        }
        var owned = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        try
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            foreach (var f in follow) f(CancellationToken.None).GetAwaiter().GetResult();
            owned?.Commit();
            owned?.Dispose();
            return saved;
        }
        catch (Exception) when (owned is not null) { FailedTransaction.End(owned); throw; }
        // A lost update skips SaveChangesFailed: its audit entries must not wait for the caller's commit.
        catch (DbUpdateConcurrencyException) { PendingAudit.Failed(this); throw; }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        Stamp();
        var follow = await StageAggregatesAsync(ct);
        if (follow.Count == 0)
        {
            try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct); }
            // A lost update skips the interceptors' SaveChangesFailed: the transaction the audit opened must not outlive the save.
            catch (DbUpdateConcurrencyException) { PendingAudit.Failed(this); await AbandonAuditTransactionAsync(); throw; }
        }
        // The aggregates move with the rows or not at all (ADR 0026).
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            foreach (var f in follow) await f(ct);
            if (owned is not null) { await owned.CommitAsync(ct); await owned.DisposeAsync(); }
            return saved;
        }
        // A rollback on a connection that died must not replace the save's exception (ADR 0040).
        catch (Exception) when (owned is not null) { await FailedTransaction.EndAsync(owned); throw; }
        catch (DbUpdateConcurrencyException) { PendingAudit.Failed(this); throw; }
    }

    async Task<List<Func<CancellationToken, Task>>> StageAggregatesAsync(CancellationToken ct)
    {
        var follow = new List<Func<CancellationToken, Task>>();
        // Stamp has just detected the changes: each aggregate's look at the tracked entries would detect them all again (a
        // scan of every tracked entity per call, several calls per save). The save itself detects once more after them.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var aggregate in Modules.Modules.SelectMany(m => m.Aggregates))
                if (await aggregate.StageAsync(this, ct) is { } f) follow.Add(f);
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
        return follow;
    }

    /// <summary>New rows take the caller's tenant; edited shared records bump their concurrency token.</summary>
    void Stamp()
    {
        ChangeTracker.DetectChanges();
        foreach (var e in ChangeTracker.Entries())
        {
            if (e.State == EntityState.Added && e.Entity is Entity { TenantId: var t } added && t == Guid.Empty)
                added.TenantId = Scope.TenantId;
            if (e.State == EntityState.Modified && e.Entity is IVersioned v)
                v.Version++;
        }
    }
}
