using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public class BrandInput
{
    public Guid OrgUnitId { get; set; }
    public string Name { get; set; } = "";
    public string Story { get; set; } = "";
    public List<Guid> PledgeIds { get; set; } = [];
    public List<Guid> ProjectIds { get; set; } = [];
    public int Version { get; set; }
}

public record BrandSaved(Guid Id, int Version);

/// <summary>Creates (no id) or edits a 党建品牌: its owning unit, name, story and the pledges and co-building projects it stands on.</summary>
public static class SaveBrand
{
    public static async Task<Outcome<BrandSaved>> HandleAsync(LianxinDb db, OrgDirectory org, PledgeDirectory pledges, ProjectDirectory projects,
        TimeProvider clock, Guid? id, BrandInput r, CancellationToken ct)
    {
        Brand? brand = null;
        if (id is { } existing)
        {
            brand = await db.Brands.FirstOrDefaultAsync(b => b.Id == existing, ct);
            if (brand is null) return Failure.NotFound;
            if (!db.Scope.Can(ShowcasePermissions.Manage, brand.OrgPath)) return Failure.Forbidden;
        }
        var unit = await ShowcaseUnits.FindAsync(org, r.OrgUnitId, ct);
        if (unit is null) return Failure.Invalid(nameof(r.OrgUnitId), "请选择品牌所属的街道、社区或支部。");
        if (!db.Scope.Can(ShowcasePermissions.Manage, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(r.Name), r.Name, "请填写品牌名称。");
        e.Max(nameof(r.Name), r.Name, 60, "品牌名称");
        e.Required(nameof(r.Story), r.Story, "请填写品牌故事。");
        e.Max(nameof(r.Story), r.Story, 4000, "品牌故事");
        var pledgeIds = (r.PledgeIds ?? []).Distinct().ToList();
        var projectIds = (r.ProjectIds ?? []).Distinct().ToList();
        if (pledgeIds.Count + projectIds.Count > 30) e.Fail(nameof(r.PledgeIds), "关联的实事与共建项目合计不能超过 30 项。");
        else
        {
            if ((await pledges.TitlesAsync(pledgeIds, ct)).Count != pledgeIds.Count) e.Fail(nameof(r.PledgeIds), "所选实事项目不存在或不在您的管辖范围内。");
            if ((await projects.TitlesAsync(projectIds, ct)).Count != projectIds.Count) e.Fail(nameof(r.ProjectIds), "所选共建项目不存在或不在您的管辖范围内。");
        }
        if (e.Any) return Failure.Invalid(e);

        if (brand is null)
        {
            brand = new Brand { CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Brands.Add(brand);
        }
        else
        {
            if (brand.Version != r.Version) return Failure.Stale;
            db.Entry(brand).Property(x => x.Version).OriginalValue = r.Version;
            db.BrandLinks.RemoveRange(await db.BrandLinks.Where(l => l.BrandId == brand.Id).ToListAsync(ct));
        }
        brand.OrgUnitId = unit.Id;
        brand.OrgPath = unit.Path;
        brand.Name = r.Name.Trim();
        brand.Story = r.Story.Trim();
        db.BrandLinks.AddRange(pledgeIds.Select(p => new BrandLink { BrandId = brand.Id, OrgPath = unit.Path, Kind = BrandLinkKind.Pledge, TargetId = p }));
        db.BrandLinks.AddRange(projectIds.Select(p => new BrandLink { BrandId = brand.Id, OrgPath = unit.Path, Kind = BrandLinkKind.Project, TargetId = p }));
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new BrandSaved(brand.Id, brand.Version);
    }
}
