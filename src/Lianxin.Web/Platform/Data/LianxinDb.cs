using Lianxin.Web.Platform.Jobs;
using System.Linq.Expressions;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Open311.Data;
using Lianxin.Web.Modules.Demands.Open311.Domain;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// The one database. Each module owns its tables (a name prefix) and configures them in its own
/// Data/ folder; scope and tenant are enforced here by query filters built from <see cref="OrgScope"/>.
/// </summary>
public class LianxinDb(DbContextOptions<LianxinDb> options, OrgScope scope) : IdentityUserContext<AppUser, Guid>(options)
{
    public OrgScope Scope { get; } = scope;

    // Read by the query filters; EF re-reads them per query from the context in use.
    public Guid CurrentTenantId => Scope.TenantId;
    public bool ScopeAll => Scope.Unrestricted;
    public string[] ScopePaths => Scope.Paths;
    /// <summary>The one root of a caller with a single subtree (most people): a plain prefix test, no per-row subquery.</summary>
    public string? ScopeSingle => Scope.Paths.Length == 1 ? Scope.Paths[0] : null;
    /// <summary>The signed-in caller (empty for the system), for tables a person sees only their own rows of.</summary>
    public Guid ScopeUserId => Scope.UserId ?? Guid.Empty;

    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<OrgPosition> OrgPositions => Set<OrgPosition>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<Compound> Compounds => Set<Compound>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberStatusChange> MemberStatusChanges => Set<MemberStatusChange>();
    public DbSet<MemberTransfer> MemberTransfers => Set<MemberTransfer>();
    public DbSet<DualReport> DualReports => Set<DualReport>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostClaim> PostClaims => Set<PostClaim>();
    public DbSet<ResponsibilityZone> ResponsibilityZones => Set<ResponsibilityZone>();
    public DbSet<ZoneMember> ZoneMembers => Set<ZoneMember>();
    public DbSet<CentralHousehold> CentralHouseholds => Set<CentralHousehold>();
    public DbSet<CentralHouseholdLink> CentralHouseholdLinks => Set<CentralHouseholdLink>();
    public DbSet<DemandCategory> DemandCategories => Set<DemandCategory>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<DemandStep> DemandSteps => Set<DemandStep>();
    public DbSet<Dispatch> Dispatches => Set<Dispatch>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();
    public DbSet<Open311Request> Open311Requests => Set<Open311Request>();
    public DbSet<ServiceSlot> ServiceSlots => Set<ServiceSlot>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<PledgeTask> PledgeTasks => Set<PledgeTask>();
    public DbSet<PledgeUpdate> PledgeUpdates => Set<PledgeUpdate>();
    public DbSet<PledgeDemand> PledgeDemands => Set<PledgeDemand>();
    public DbSet<Rubric> Rubrics => Set<Rubric>();
    public DbSet<ReviewRound> ReviewRounds => Set<ReviewRound>();
    public DbSet<RoundUnit> RoundUnits => Set<RoundUnit>();
    public DbSet<Panelist> Panelists => Set<Panelist>();
    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<StarAward> StarAwards => Set<StarAward>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
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
        FilesModel.Configure(b, this);
        OrganizationsModel.Configure(b, this);
        MembersModel.Configure(b, this);
        DemandsModel.Configure(b, this);
        Open311Model.Configure(b, this);
        PledgesModel.Configure(b, this);
        ReviewsModel.Configure(b, this);
        NotificationsModel.Configure(b, this);
    }

    /// <summary>Tenant and org-scope filter for a table whose rows carry a materialised path.</summary>
    public Expression<Func<T, bool>> InScope<T>(Expression<Func<T, string>> path) where T : Entity
    {
        Expression<Func<T, bool>> tenant = e => e.TenantId == CurrentTenantId;
        Expression<Func<string, bool>> visible = p => ScopeAll
            || (ScopeSingle != null ? p.StartsWith(ScopeSingle) : ScopePaths.Any(root => p.StartsWith(root)));
        var body = Expression.AndAlso(
            tenant.Body,
            ReplacingExpressionVisitor.Replace(visible.Parameters[0], ReplacingExpressionVisitor.Replace(path.Parameters[0], tenant.Parameters[0], path.Body), visible.Body));
        return Expression.Lambda<Func<T, bool>>(body, tenant.Parameters[0]);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        Stamp();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
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
