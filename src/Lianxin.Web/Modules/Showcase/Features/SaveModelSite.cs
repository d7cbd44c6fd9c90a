using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public class ModelSiteInput
{
    public Guid OrgUnitId { get; set; }
    public string Name { get; set; } = "";
    public string? Note { get; set; }
    public DateOnly? NamedOn { get; set; }
    public DateOnly? ReviewDueOn { get; set; }
    public int Version { get; set; }
}

public record ModelSiteSaved(Guid Id, int Version);

/// <summary>Names a unit a model site (示范点) with its naming date and the date it is to be reviewed again, or edits one.</summary>
public static class SaveModelSite
{
    public static async Task<Outcome<ModelSiteSaved>> HandleAsync(LianxinDb db, OrgDirectory org, Guid? id, ModelSiteInput r, CancellationToken ct)
    {
        ModelSite? site = null;
        if (id is { } existing)
        {
            site = await db.ModelSites.FirstOrDefaultAsync(s => s.Id == existing, ct);
            if (site is null) return Failure.NotFound;
            if (!db.Scope.Can(ShowcasePermissions.SiteManage, site.OrgPath)) return Failure.Forbidden;
        }
        var unit = await ShowcaseUnits.FindAsync(org, r.OrgUnitId, ct);
        if (unit is null) return Failure.Invalid(nameof(r.OrgUnitId), "请选择示范点所在的社区或支部。");
        if (!db.Scope.Can(ShowcasePermissions.SiteManage, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(r.Name), r.Name, "请填写示范点名称。");
        e.Max(nameof(r.Name), r.Name, 100, "示范点名称");
        e.Max(nameof(r.Note), r.Note, 1000, "说明");
        if (r.NamedOn is null) e.Fail(nameof(r.NamedOn), "请填写命名日期。");
        if (r.ReviewDueOn is null) e.Fail(nameof(r.ReviewDueOn), "请填写复核日期。");
        else if (r.NamedOn is { } named && r.ReviewDueOn <= named) e.Fail(nameof(r.ReviewDueOn), "复核日期须晚于命名日期。");
        if (e.Any) return Failure.Invalid(e);
        if (site is null)
        {
            site = new ModelSite();
            db.ModelSites.Add(site);
        }
        else
        {
            if (site.Version != r.Version) return Failure.Stale;
            db.Entry(site).Property(x => x.Version).OriginalValue = r.Version;
        }
        site.OrgUnitId = unit.Id;
        site.OrgPath = unit.Path;
        site.Name = r.Name.Trim();
        site.Note = ShowcaseUnits.Clean(r.Note);
        site.NamedOn = r.NamedOn!.Value;
        site.ReviewDueOn = r.ReviewDueOn!.Value;
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new ModelSiteSaved(site.Id, site.Version);
    }
}
