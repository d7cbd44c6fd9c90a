namespace Lianxin.Web.Platform.Audit;

public enum AuditAction { Insert, Update, Delete, SignIn, SignInFailed, LockedOut, SignOut, AccessDenied }

/// <summary>
/// One append-only line of the audit log. <see cref="Hash"/> = HMAC-SHA256 under key <see cref="KeyVersion"/> over the
/// previous hash and this entry's content (<see cref="AuditHash"/>), so changing or deleting any earlier entry breaks every
/// hash after it, and only a holder of the key can write a chain that verifies (ADR 0004, 0029).
/// </summary>
public class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Ip { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>The audit key version <see cref="Hash"/> was signed with; 0 = the unkeyed SHA-256 of entries from before keys.</summary>
    public int KeyVersion { get; set; }
}
