using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>Move the membership to another branch of the district, or out of it (no <see cref="ToBranchId"/>, <see cref="OutsideOrg"/> named).</summary>
public class TransferForm
{
    public Guid? ToBranchId { get; set; }
    [StringLength(200)]
    public string? OutsideOrg { get; set; }
    [Required(ErrorMessage = "请输入转接日期。")]
    public DateOnly? On { get; set; }
    [Required(ErrorMessage = "请输入转接原因。"), StringLength(200)]
    public string? Reason { get; set; }
    public int Version { get; set; }
}

public static class TransferMember
{
    public static async Task<Outcome<MemberDto>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, Guid id, TransferForm f, CancellationToken ct)
    {
        var m = await db.Members.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, m.OrgPath)) return Failure.Forbidden;
        if (m.Version != f.Version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (!m.OnRoster) return Failure.Conflict("该党员已不在册，不能转接组织关系。");
        var problems = new Errors();
        var today = clock.Today();
        var last = await db.MemberTransfers.AcrossScope().Where(t => t.MemberId == m.Id).MaxAsync(t => (DateOnly?)t.On, ct);
        if (f.On > today) problems.Fail(nameof(f.On), "转接日期不能晚于今天。");
        if (f.On < last) problems.Fail(nameof(f.On), $"转接日期不能早于上一次转接（{last:yyyy-MM-dd}）。");
        var outOfDistrict = f.ToBranchId is null;
        if (outOfDistrict && string.IsNullOrWhiteSpace(f.OutsideOrg)) problems.Fail(nameof(f.OutsideOrg), "转出本区请填写接收党组织，或选择区内支部。");
        // The receiving branch may lie outside the caller's scope: a community hands a member over to another.
        var to = outOfDistrict ? null : await SaveMember.BranchAsync(units, f.ToBranchId, problems, ct, anywhere: true);
        if (to is not null && to.Id == m.BranchId) problems.Fail(nameof(f.ToBranchId), "接收支部与当前支部相同。");
        if (problems.Any) return Failure.Invalid(problems);

        var now = clock.GetUtcNow().UtcDateTime;
        db.MemberTransfers.Add(new MemberTransfer
        {
            MemberId = m.Id, Kind = outOfDistrict ? TransferKind.TransferOut : TransferKind.Internal,
            FromBranchId = m.BranchId, FromPath = m.OrgPath, ToBranchId = to?.Id, ToPath = to?.Path, OutsideOrg = f.OutsideOrg?.Trim(),
            OrgPath = to?.Path ?? m.OrgPath, On = f.On!.Value, Reason = f.Reason?.Trim(), RecordedAt = now, RecordedBy = db.Scope.UserName,
        });
        if (outOfDistrict)
        {
            db.MemberStatusChanges.Add(new MemberStatusChange
            {
                MemberId = m.Id, OrgPath = m.OrgPath, From = m.Status, To = MemberStatus.TransferredOut, On = f.On!.Value,
                Reason = $"转出至{f.OutsideOrg}", RecordedAt = now, RecordedBy = db.Scope.UserName,
            });
            m.Status = MemberStatus.TransferredOut;
            m.StatusSince = f.On!.Value;
        }
        else
        {
            m.BranchId = to!.Id;
            m.OrgPath = to.Path;
        }
        await db.SaveChangesAsync(ct);
        return (await db.ToDtosAsync(units, places, pd, [m], today, ct))[0];
    }
}
