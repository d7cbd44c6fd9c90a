using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class NeedInput
{
    /// <summary>The community or street that publishes the need.</summary>
    public Guid UnitId { get; set; }
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public SupplyKind Kind { get; set; }
    public int Quantity { get; set; }
    public string Measure { get; set; } = "";
    public DateOnly? Deadline { get; set; }
    public string Place { get; set; } = "";
}

public record LoopSaved(Guid Id, int Version);

/// <summary>A community (or street) publishes a line of its 需求清单.</summary>
public static class PublishNeed
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, NeedInput r, CancellationToken ct)
    {
        var unit = await CreatePartnerUnit.StationAsync(org, r.UnitId, ct);
        if (unit is null) return Failure.Invalid(nameof(r.UnitId), "请选择发布需求的社区或街道。");
        if (!LoopAccess.Staff(db, unit.Path)) return Failure.Forbidden;
        var today = clock.Today();
        var e = new Errors();
        e.Required(nameof(r.Title), r.Title, "请填写需求名称。");
        e.Max(nameof(r.Title), r.Title, 100, "需求名称");
        e.Max(nameof(r.Detail), r.Detail, 1000, "需求说明");
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择需求类别。");
        if (r.Quantity is < 1 or > 1_000_000) e.Fail(nameof(r.Quantity), "需求数量须在 1–1000000 之间。");
        e.Required(nameof(r.Measure), r.Measure, "请填写计量单位（如人次、场、元）。");
        e.Max(nameof(r.Measure), r.Measure, 10, "计量单位");
        if (r.Deadline is null) e.Fail(nameof(r.Deadline), "请填写截止日期。");
        else if (r.Deadline < today) e.Fail(nameof(r.Deadline), "截止日期不能早于今天。");
        e.Required(nameof(r.Place), r.Place, "请填写服务地点。");
        e.Max(nameof(r.Place), r.Place, 100, "服务地点");
        if (e.Any) return Failure.Invalid(e);

        var need = new Need
        {
            UnitId = unit.Id, OrgPath = unit.Path, Title = r.Title.Trim(), Detail = LoopAccess.Blank(r.Detail), Kind = r.Kind, Quantity = r.Quantity,
            Measure = r.Measure.Trim(), Deadline = r.Deadline!.Value, Place = r.Place.Trim(), Status = NeedStatus.Open,
            PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = db.Scope.UserName,
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        return new LoopSaved(need.Id, need.Version);
    }
}
