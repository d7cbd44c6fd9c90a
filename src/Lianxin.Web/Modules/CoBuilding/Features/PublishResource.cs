using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class ResourceInput
{
    public Guid PartnerUnitId { get; set; }
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public SupplyKind Kind { get; set; }
    public int Quantity { get; set; }
    public string Measure { get; set; } = "";
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableTo { get; set; }
}

/// <summary>A partner unit publishes a line of its 资源清单: its liaison, or staff who manage co-building where it is stationed.</summary>
public static class PublishResource
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, TimeProvider clock, ResourceInput r, CancellationToken ct)
    {
        var unit = await db.PartnerUnits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r.PartnerUnitId, ct);
        if (unit is null) return Failure.Invalid(nameof(r.PartnerUnitId), "请选择发布资源的共建单位。");
        if (!LoopAccess.Staff(db, unit.OrgPath) && !EditPartnerUnit.IsLiaisonOf(db, unit.LiaisonUserId)) return Failure.Forbidden;
        var e = Check(r, clock.Today(), promised: 0);
        if (e.Any) return Failure.Invalid(e);
        var resource = new Resource
        {
            PartnerUnitId = unit.Id, OrgPath = unit.OrgPath, PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = db.Scope.UserName,
        };
        Apply(resource, r);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(ct);
        return new LoopSaved(resource.Id, resource.Version);
    }

    internal static Errors Check(ResourceInput r, DateOnly today, int promised)
    {
        var e = new Errors();
        e.Required(nameof(r.Title), r.Title, "请填写资源名称。");
        e.Max(nameof(r.Title), r.Title, 100, "资源名称");
        e.Max(nameof(r.Detail), r.Detail, 1000, "资源说明");
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择资源类型。");
        if (r.Quantity is < 1 or > 1_000_000) e.Fail(nameof(r.Quantity), "资源数量须在 1–1000000 之间。");
        else if (r.Quantity < promised) e.Fail(nameof(r.Quantity), $"已承诺对接 {promised}，数量不能少于它。");
        e.Required(nameof(r.Measure), r.Measure, "请填写计量单位（如人次、场、元）。");
        e.Max(nameof(r.Measure), r.Measure, 10, "计量单位");
        if (r.AvailableFrom is null) e.Fail(nameof(r.AvailableFrom), "请填写可提供的开始日期。");
        if (r.AvailableTo is null) e.Fail(nameof(r.AvailableTo), "请填写可提供的结束日期。");
        else if (r.AvailableTo < today) e.Fail(nameof(r.AvailableTo), "结束日期不能早于今天。");
        else if (r.AvailableFrom is { } from && r.AvailableTo < from) e.Fail(nameof(r.AvailableTo), "结束日期不能早于开始日期。");
        return e;
    }

    internal static void Apply(Resource x, ResourceInput r)
    {
        x.Title = r.Title.Trim();
        x.Detail = LoopAccess.Blank(r.Detail);
        x.Kind = r.Kind;
        x.Quantity = r.Quantity;
        x.Measure = r.Measure.Trim();
        x.AvailableFrom = r.AvailableFrom!.Value;
        x.AvailableTo = r.AvailableTo!.Value;
    }
}
