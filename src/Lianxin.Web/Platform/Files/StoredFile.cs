using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Files;

/// <summary>
/// One uploaded file of some module's record (today: photos of demands, pledge progress, score sheet items and findings).
/// OrgPath is the owner's, so the scope filter hides the file from everyone outside the owner's line (ADR 0015).
/// </summary>
public class StoredFile : Entity, IOrgScoped
{
    /// <summary>The module that owns the record, e.g. "demands".</summary>
    public string OwnerModule { get; set; } = "";
    /// <summary>The kind of record within the module, e.g. "demand", "finding", "item"; registered as a <see cref="FileOwner"/>.</summary>
    public string OwnerKind { get; set; } = "";
    public Guid OwnerId { get; set; }
    /// <summary>The part of the owner the file belongs to, when it has parts: a rubric item code of a score sheet, a pledge's progress update.</summary>
    public string? OwnerPart { get; set; }
    public string OrgPath { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Size { get; set; }
    /// <summary>Kept out of the audit log (a photo may show people; and it is large).</summary>
    [PersonalData] public byte[] Data { get; set; } = [];
    /// <summary>A JPEG at most <see cref="Thumbnails.MaxSide"/> px on the long side, made on upload; null for files moved from the old photo tables.</summary>
    [PersonalData] public byte[]? Thumbnail { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
}

public static class FilesModel
{
    public static void Configure(ModelBuilder b, LianxinDb db) => b.Entity<StoredFile>(e =>
    {
        e.ToTable("plt_files");
        e.Property(x => x.OwnerModule).HasMaxLength(40);
        e.Property(x => x.OwnerKind).HasMaxLength(40);
        e.Property(x => x.OwnerPart).HasMaxLength(40);
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.ContentType).HasMaxLength(40);
        e.HasIndex(x => new { x.TenantId, x.OwnerModule, x.OwnerKind, x.OwnerId });
    });
}
