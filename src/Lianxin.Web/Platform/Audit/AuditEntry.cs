namespace Lianxin.Web.Platform.Audit;

public enum AuditAction { Insert, Update, Delete, SignIn, SignInFailed, LockedOut, SignOut, AccessDenied }

/// <summary>
/// One append-only line of the audit log. <see cref="Hash"/> = SHA-256 over the previous hash and this
/// entry's content, so changing or deleting any earlier entry breaks every hash after it.
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
}
