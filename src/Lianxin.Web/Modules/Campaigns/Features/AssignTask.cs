using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public class AssignTaskInput
{
    /// <summary>The responsible unit by name (物业服务企业、产权单位、经营户…), when it is not a partner unit.</summary>
    public string? ResponsibleUnit { get; set; }
    /// <summary>A partner unit of 共驻共建 that serves the place (its name becomes the responsible unit).</summary>
    public Guid? PartnerUnitId { get; set; }
    public DateOnly? DueOn { get; set; }
    public int Version { get; set; }
}

public record TaskSaved(Guid Id, Guid FindingId, int Version);

/// <summary>Names who rectifies a finding (the responsible unit, or a partner unit serving the place) and by when.</summary>
public static class AssignTask
{
    public static async Task<Outcome<TaskSaved>> HandleAsync(LianxinDb db, PartnerUnitDirectory partners, TimeProvider clock, Guid id, AssignTaskInput r, CancellationToken ct)
    {
        var t = await db.CampaignTasks.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return Failure.NotFound;
        if (!db.Scope.Can(CampaignPermissions.Rectify, t.OrgPath)) return Failure.Forbidden;
        if (t.State != TaskState.Open) return Failure.Conflict($"该整改任务{t.State.Chinese()}，不能再指派。");
        if (t.Version != r.Version) return Failure.Stale;
        var e = new Errors();
        string? responsible = null;
        if (r.PartnerUnitId is { } partnerId)
        {
            var unit = await partners.FindAsync(partnerId, ct);
            if (unit is null || !PartnerUnitDirectory.Serves(unit, t.OrgPath)) e.Fail(nameof(r.PartnerUnitId), "所选共建单位不在该小区所在的社区或街道。");
            else responsible = unit.Name;
        }
        else if (string.IsNullOrWhiteSpace(r.ResponsibleUnit)) e.Fail(nameof(r.ResponsibleUnit), "请填写责任单位，或选择共建单位。");
        else
        {
            e.Max(nameof(r.ResponsibleUnit), r.ResponsibleUnit, 100, "责任单位");
            responsible = r.ResponsibleUnit.Trim();
        }
        if (r.DueOn is not { } due) e.Fail(nameof(r.DueOn), "请填写整改期限。");
        else if (due < clock.Today()) e.Fail(nameof(r.DueOn), "整改期限不能早于今天。");
        if (e.Any) return Failure.Invalid(e);
        db.Entry(t).Property(x => x.Version).OriginalValue = r.Version;
        (t.ResponsibleUnit, t.PartnerUnitId, t.DueOn) = (responsible, r.PartnerUnitId, r.DueOn!.Value);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new TaskSaved(t.Id, t.FindingId, t.Version);
    }
}
