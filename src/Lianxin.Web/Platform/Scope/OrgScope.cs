using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Platform.Scope;

/// <summary>
/// Who is asking and what they may see, for one request. Filled once by <see cref="OrgScopeMiddleware"/>
/// from the user's role grants; <see cref="Data.LianxinDb"/> reads it in its query filters, so every
/// query of a scoped table is limited here and nowhere else.
/// </summary>
public class OrgScope
{
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public Guid TenantId { get; set; }
    public IReadOnlyList<RoleGrant> Grants { get; private set; } = [];
    /// <summary>The grant the user switched to in the header; it sets the default unit of pages.</summary>
    public RoleGrant? Current { get; private set; }

    /// <summary>True only for the system itself (start-up, seeding, CLI); never for a signed-in person.</summary>
    public bool Unrestricted { get; private set; }

    /// <summary>Subtree roots the caller may see; empty means nothing.</summary>
    public string[] Paths { get; private set; } = [];

    public bool IsSignedIn => UserId is not null;

    public void SetUser(Guid userId, string userName, Guid tenantId, IReadOnlyList<RoleGrant> grants, Guid? currentGrantId)
    {
        UserId = userId;
        UserName = userName;
        TenantId = tenantId;
        Grants = grants;
        Current = grants.FirstOrDefault(g => g.Id == currentGrantId) ?? grants.FirstOrDefault();
        Paths = RootsOf(grants.Select(g => g.OrgPath));
        Unrestricted = false;
    }

    /// <summary>Only the demo generator sets this: generated rows are not changes anyone made.</summary>
    public bool AuditSuppressed { get; private set; }

    public OrgScope AsSystem(Guid tenantId, bool suppressAudit = false)
    {
        Unrestricted = true;
        AuditSuppressed = suppressAudit;
        TenantId = tenantId;
        UserName = "system";
        return this;
    }

    public bool Sees(string path) => Unrestricted || Paths.Any(p => path.StartsWith(p, StringComparison.Ordinal));

    /// <summary>May the caller do <paramref name="permission"/> on something at <paramref name="path"/>?</summary>
    public bool Can(Permission permission, string path) =>
        Unrestricted || Grants.Any(g => g.Role.Allows(permission) && path.StartsWith(g.OrgPath, StringComparison.Ordinal));

    public bool CanAnywhere(Permission permission) => Unrestricted || Grants.Any(g => g.Role.Allows(permission));

    /// <summary>Roles the caller may grant at <paramref name="path"/>.</summary>
    public IReadOnlyList<Role> GrantableAt(string path) => Unrestricted
        ? Enum.GetValues<Role>()
        : Grants.Where(g => path.StartsWith(g.OrgPath, StringComparison.Ordinal))
            .SelectMany(g => g.Role.Grantable()).Distinct().Order().ToList();

    /// <summary>The tops of the subtrees where the caller's grants allow <paramref name="permission"/> (none for the system, which has no grants).</summary>
    public string[] RootsWith(Permission permission) => RootsOf(Grants.Where(g => g.Role.Allows(permission)).Select(g => g.OrgPath));

    /// <summary>Drops paths already covered by a shorter one, so filters stay small.</summary>
    public static string[] RootsOf(IEnumerable<string> paths)
    {
        var sorted = paths.Distinct().OrderBy(p => p.Length).ToList();
        var roots = new List<string>();
        foreach (var p in sorted)
            if (!roots.Any(r => p.StartsWith(r, StringComparison.Ordinal))) roots.Add(p);
        return roots.ToArray();
    }
}
