using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

public class ConventionRequest
{
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateOnly? AdoptedOn { get; set; }
    public string AdoptedBy { get; set; } = "";
    public string? ChangeNote { get; set; }
    /// <summary>The version the editor started from (0 for a compound's first convention): an edit of an older text is refused.</summary>
    public int BaseNumber { get; set; }
}

public record ConventionSaved(Guid Id, int Number);

/// <summary>A compound's convention (居民公约): every edit is a new version; earlier versions stay as they were.</summary>
public static class EditConvention
{
    public static async Task<Outcome<ConventionSaved>> HandleAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid compoundId, ConventionRequest r, CancellationToken ct)
    {
        var compound = await CompoundAccess.SeenAsync(db, places, compoundId, ct);
        if (compound is null) return Failure.NotFound;
        if (!db.Scope.Can(DeliberationPermissions.Manage, compound.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(r.Title), r.Title, "请填写公约名称。");
        e.Max(nameof(r.Title), r.Title, 100, "公约名称");
        e.Required(nameof(r.Body), r.Body, "请填写公约正文。");
        e.Max(nameof(r.Body), r.Body, 10000, "公约正文");
        if (r.AdoptedOn is null) e.Fail(nameof(r.AdoptedOn), "请填写通过日期。");
        e.Required(nameof(r.AdoptedBy), r.AdoptedBy, "请填写通过方式（如：业主大会表决通过）。");
        e.Max(nameof(r.AdoptedBy), r.AdoptedBy, 100, "通过方式");
        e.Max(nameof(r.ChangeNote), r.ChangeNote, 500, "修订说明");
        if (e.Any) return Failure.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        var c = await db.Conventions.FirstOrDefaultAsync(x => x.CompoundId == compoundId, ct);
        if ((c?.CurrentNumber ?? 0) != r.BaseNumber)
            return Failure.Conflict($"公约已有第 {c?.CurrentNumber ?? 0} 版，您修改的是第 {r.BaseNumber} 版，请在最新版本上修改。");
        if (c is null) db.Conventions.Add(c = new Convention { CompoundId = compound.Id, OrgPath = compound.OrgPath, CreatedAt = now });
        c.Title = r.Title.Trim();
        c.CurrentNumber++;
        db.ConventionVersions.Add(new ConventionVersion
        {
            ConventionId = c.Id, OrgPath = c.OrgPath, Number = c.CurrentNumber, Body = r.Body.Trim(), AdoptedOn = r.AdoptedOn!.Value, AdoptedBy = r.AdoptedBy.Trim(),
            ChangeNote = string.IsNullOrWhiteSpace(r.ChangeNote) ? null : r.ChangeNote.Trim(), EditedBy = db.Scope.UserName, EditedAt = now,
        });
        // Two editors on the same version: the unique (convention, number) index refuses the second.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Failure.Conflict("公约刚被他人修改，请刷新后在最新版本上修改。"); }
        return new ConventionSaved(c.Id, c.CurrentNumber);
    }
}
