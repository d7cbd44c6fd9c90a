using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Targets.Contracts;
using Lianxin.Web.Modules.Targets.Data;
using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Targets.Features;

public class SetTargetRequest
{
    public Guid SetByUnitId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>A registered figure (e.g. <c>org.compound_branches</c>); empty for a target the communities report themselves.</summary>
    public string? IndicatorCode { get; set; }
    public string? ManualUnit { get; set; }
    public QuotaKind QuotaKind { get; set; }
    public decimal? Quota { get; set; }
    public string? BaseIndicatorCode { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? DueOn { get; set; }
}

public record TargetSaved(Guid Id, int Communities);

/// <summary>A street or the district sets a target: every active community below it gets its part with the same quota.</summary>
public static class SetTarget
{
    public static async Task<Outcome<TargetSaved>> HandleAsync(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
        SetTargetRequest r, CancellationToken ct)
    {
        var unit = await org.FindAsync(r.SetByUnitId, ct);
        if (unit is null || unit.Kind is not (OrgKind.District or OrgKind.Street)) return Failure.Invalid(nameof(r.SetByUnitId), "请选择下达任务的街道或区委。");
        if (!db.Scope.Can(TargetPermissions.TargetManage, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(r.Title), r.Title, "请填写任务名称。");
        e.Max(nameof(r.Title), r.Title, 100, "任务名称");
        e.Max(nameof(r.Description), r.Description, 1000, "任务说明");
        var code = string.IsNullOrWhiteSpace(r.IndicatorCode) ? null : r.IndicatorCode.Trim();
        var indicator = code is null ? null : catalog.Find(code);
        if (code is not null && indicator is null) e.Fail(nameof(r.IndicatorCode), "没有这个指标。");
        if (code is null) e.Required(nameof(r.ManualUnit), r.ManualUnit, "自行填报的任务请填写计量单位（如“个”“次”）。");
        e.Max(nameof(r.ManualUnit), r.ManualUnit, 10, "计量单位");
        if (r.Quota is not { } quota || quota <= 0) e.Fail(nameof(r.Quota), "请填写大于 0 的目标值。");
        var baseCode = r.QuotaKind == QuotaKind.ShareOfBase ? r.BaseIndicatorCode?.Trim() : null;
        if (r.QuotaKind == QuotaKind.ShareOfBase)
        {
            if (indicator is null || indicator.Unit != IndicatorUnit.Count) e.Fail(nameof(r.QuotaKind), "按比例下达只适用于计数类指标（如单独建支部的小区数）。");
            if (baseCode is null || catalog.Find(baseCode) is not { Unit: IndicatorUnit.Count }) e.Fail(nameof(r.BaseIndicatorCode), "请选择比例的基数（计数类指标，如小区数）。");
            if (r.Quota > 100) e.Fail(nameof(r.Quota), "比例不能超过 100%。");
        }
        else if (indicator?.Unit == IndicatorUnit.Percent && r.Quota > 100) e.Fail(nameof(r.Quota), "比率类指标的目标不能超过 100%。");
        var start = r.StartOn ?? clock.Today();
        if (r.DueOn is null) e.Fail(nameof(r.DueOn), "请填写完成期限。");
        else if (r.DueOn < start) e.Fail(nameof(r.DueOn), "完成期限不能早于开始日期。");
        if (e.Any) return Failure.Invalid(e);

        var communities = (await org.SubtreeAsync(unit.Path, ct)).Where(u => u.Kind == OrgKind.Community && u.IsActive).ToList();
        if (communities.Count == 0) return Failure.Invalid(nameof(r.SetByUnitId), "该单位下没有社区，无法下达任务。");
        var target = new KeyTarget
        {
            SetByUnitId = unit.Id, OrgPath = unit.Path, Title = r.Title.Trim(), Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(),
            IndicatorCode = code, ManualUnit = code is null ? r.ManualUnit!.Trim() : null, QuotaKind = r.QuotaKind, Quota = r.Quota!.Value,
            BaseIndicatorCode = baseCode, StartOn = start, DueOn = r.DueOn!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = db.Scope.UserName,
        };
        db.KeyTargets.Add(target);
        foreach (var c in communities)
            db.TargetAssignments.Add(new TargetAssignment { TargetId = target.Id, CommunityId = c.Id, OrgPath = c.Path, CommunityName = c.DisplayName, Quota = target.Quota });
        await db.SaveChangesAsync(ct);
        return new TargetSaved(target.Id, communities.Count);
    }
}
