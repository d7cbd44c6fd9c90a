using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public class RubricRequest
{
    public Guid OwnerUnitId { get; set; }
    public string Name { get; set; } = "";
    public RubricPurpose Purpose { get; set; }
    public RubricDefinition Definition { get; set; } = new();
}

/// <summary>Id of the version that now holds the content; <see cref="NewVersion"/> when an edit of a used rubric made a new one.</summary>
public record RubricSaved(Guid Id, Guid FamilyId, int VersionNo, bool NewVersion);

public record RubricDto(Guid Id, Guid FamilyId, int VersionNo, string Name, RubricPurpose Purpose, Guid OwnerUnitId, bool Frozen, RubricDefinition Definition, double BaseMax);

public record RubricRow(Guid Id, Guid FamilyId, int VersionNo, string Name, RubricPurpose Purpose, bool Frozen, DateTime CreatedAt);

public static class SaveRubric
{
    static Errors Validate(RubricRequest r, IndicatorCatalog? indicators)
    {
        var e = r.Definition.Validate().ToErrors("Definition.");
        if (r.Definition.Items.Any(i => i.Indicator is not null))
        {
            if (indicators is null) throw new InvalidOperationException("A rubric with indicator items needs the indicator catalogue to be checked.");
            foreach (var (k, v) in IndicatorScores.Check(r.Definition, indicators)) e.Fail(k, v[0]);
        }
        e.Required("Name", r.Name, "请填写细则名称。");
        e.Max("Name", r.Name, 100, "细则名称");
        return e;
    }

    public static async Task<Outcome<RubricSaved>> CreateAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, RubricRequest r, CancellationToken ct,
        IndicatorCatalog? indicators = null)
    {
        var owner = await org.FindAsync(r.OwnerUnitId, ct);
        if (owner is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewManage, owner.Path)) return Failure.Forbidden;
        if (Validate(r, indicators) is { Any: true } errors) return Failure.Invalid(errors);
        var rubric = new Rubric
        {
            Name = r.Name.Trim(), Purpose = r.Purpose, OrgPath = owner.Path, OwnerUnitId = owner.Id, Definition = r.Definition, CreatedAt = clock.Now(),
        };
        rubric.FamilyId = rubric.Id;
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync(ct);
        return new RubricSaved(rubric.Id, rubric.FamilyId, 1, false);
    }

    /// <summary>Edits in place while no round has used the version; otherwise the used version stays frozen and the edit becomes the next version.</summary>
    public static async Task<Outcome<RubricSaved>> EditAsync(LianxinDb db, TimeProvider clock, Guid id, RubricRequest r, CancellationToken ct,
        IndicatorCatalog? indicators = null)
    {
        var rubric = await db.Rubrics.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (rubric is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewManage, rubric.OrgPath)) return Failure.Forbidden;
        if (Validate(r, indicators) is { Any: true } errors) return Failure.Invalid(errors);
        if (!rubric.Frozen)
        {
            rubric.Name = r.Name.Trim();
            rubric.Purpose = r.Purpose;
            rubric.Definition = r.Definition;
            await db.SaveChangesAsync(ct);
            return new RubricSaved(rubric.Id, rubric.FamilyId, rubric.VersionNo, false);
        }
        var latest = await db.Rubrics.Where(x => x.FamilyId == rubric.FamilyId).MaxAsync(x => x.VersionNo, ct);
        var next = new Rubric
        {
            FamilyId = rubric.FamilyId, VersionNo = latest + 1, Name = r.Name.Trim(), Purpose = r.Purpose, OrgPath = rubric.OrgPath,
            OwnerUnitId = rubric.OwnerUnitId, Definition = r.Definition, CreatedAt = clock.Now(),
        };
        db.Rubrics.Add(next);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Failure.Conflict("该细则刚刚已由他人生成新版本，请刷新后重试。"); }
        return new RubricSaved(next.Id, next.FamilyId, next.VersionNo, true);
    }

    public static async Task<Outcome<RubricDto>> GetAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var r = await db.Rubrics.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Failure.NotFound;
        var d = r.Definition;
        return new RubricDto(r.Id, r.FamilyId, r.VersionNo, r.Name, r.Purpose, r.OwnerUnitId, r.Frozen, d, d.BaseMax);
    }

    public static async Task<List<RubricRow>> ListAsync(LianxinDb db, CancellationToken ct) =>
        await db.Rubrics.OrderBy(r => r.Name).ThenByDescending(r => r.VersionNo)
            .Select(r => new RubricRow(r.Id, r.FamilyId, r.VersionNo, r.Name, r.Purpose, r.Frozen, r.CreatedAt)).ToListAsync(ct);
}
