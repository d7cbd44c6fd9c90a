using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class ObligationInput
{
    /// <summary>The party that owes it; blank: the community (street) itself.</summary>
    public Guid? PartnerUnitId { get; set; }
    public string Content { get; set; } = "";
    public DateOnly? DueOn { get; set; }
}

public class AgreementInput
{
    public string Title { get; set; } = "";
    public AgreementKind Kind { get; set; }
    /// <summary>The project signed (项目协议); its community or street is the agreement's.</summary>
    public Guid? ProjectId { get; set; }
    /// <summary>The community or street of an annual commitment (年度共建协议).</summary>
    public Guid? UnitId { get; set; }
    public int? Year { get; set; }
    public DateOnly? SignedOn { get; set; }
    public List<ObligationInput>? Obligations { get; set; }
}

/// <summary>契约化共建: a project or a year's commitment is signed as an agreement with what each party owes and by when.</summary>
public static class CreateAgreement
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, AgreementInput r, CancellationToken ct)
    {
        var e = new Errors();
        if (!Enum.IsDefined(r.Kind)) return Failure.Invalid(nameof(r.Kind), "请选择协议类型。");
        CoProject? project = null;
        if (r.Kind == AgreementKind.Project)
        {
            project = r.ProjectId is { } pid ? await db.CoProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
            if (project is null) return Failure.Invalid(nameof(r.ProjectId), "请选择要签约的共建项目。");
        }
        var unit = await CreatePartnerUnit.StationAsync(org, project?.UnitId ?? r.UnitId ?? Guid.Empty, ct);
        if (unit is null) return Failure.Invalid(nameof(r.UnitId), "请选择签约的社区或街道。");
        if (!LoopAccess.Staff(db, unit.Path)) return Failure.Forbidden;

        var today = clock.Today();
        e.Required(nameof(r.Title), r.Title, "请填写协议名称。");
        e.Max(nameof(r.Title), r.Title, 100, "协议名称");
        if (r.SignedOn is null) e.Fail(nameof(r.SignedOn), "请填写签约日期。");
        else if (r.SignedOn > today) e.Fail(nameof(r.SignedOn), "签约日期不能晚于今天。");
        var year = r.Year ?? r.SignedOn?.Year ?? today.Year;
        if (year < 2000 || year > today.Year + 1) e.Fail(nameof(r.Year), "年度不正确。");
        var obligations = (r.Obligations ?? []).Where(o => !string.IsNullOrWhiteSpace(o.Content) || o.DueOn is not null || o.PartnerUnitId is not null).ToList();
        if (obligations.Count == 0) e.Fail(nameof(r.Obligations), "请至少写明一项各方义务。");
        if (obligations.Count > 50) e.Fail(nameof(r.Obligations), "义务最多 50 项。");
        foreach (var o in obligations)
        {
            if (string.IsNullOrWhiteSpace(o.Content) || o.Content.Trim().Length > 500) e.Fail(nameof(r.Obligations), "每项义务须写明内容（不超过 500 个字符）。");
            if (o.DueOn is null) e.Fail(nameof(r.Obligations), "每项义务须填写履约期限。");
            else if (r.SignedOn is { } s && o.DueOn < s) e.Fail(nameof(r.Obligations), "履约期限不能早于签约日期。");
        }
        foreach (var id in obligations.Select(o => o.PartnerUnitId).OfType<Guid>().Distinct())
            if (await LoopAccess.NearUnitAsync(db, id, unit.Path, ct) is null) { e.Fail(nameof(r.Obligations), "履约方只能是驻在本街道的共建单位。"); break; }
        if (e.Any) return Failure.Invalid(e);

        var agreement = new Agreement
        {
            UnitId = unit.Id, OrgPath = unit.Path, Title = r.Title.Trim(), Kind = r.Kind, ProjectId = project?.Id, Year = year, SignedOn = r.SignedOn!.Value,
            Status = AgreementStatus.InForce,
        };
        db.Agreements.Add(agreement);
        db.Obligations.AddRange(obligations.Select(o => new Obligation
        {
            AgreementId = agreement.Id, PartnerUnitId = o.PartnerUnitId, OrgPath = unit.Path, Content = o.Content.Trim(), DueOn = o.DueOn!.Value,
        }));
        await db.SaveChangesAsync(ct);
        return new LoopSaved(agreement.Id, agreement.Version);
    }
}
