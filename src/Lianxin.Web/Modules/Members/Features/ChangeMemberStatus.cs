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

public class StatusForm
{
    [Required(ErrorMessage = "请选择新的党籍状态。")]
    public MemberStatus? To { get; set; }
    [Required(ErrorMessage = "请输入变更日期。")]
    public DateOnly? On { get; set; }
    [Required(ErrorMessage = "请输入变更原因。"), StringLength(200)]
    public string? Reason { get; set; }
    public int Version { get; set; }
}

/// <summary>A dated status change, added to the history; 出党/退党/死亡 are final.</summary>
public static class ChangeMemberStatus
{
    public static string? Problem(MemberStatus from, MemberStatus to) =>
        from is MemberStatus.Expelled or MemberStatus.Withdrawn or MemberStatus.Deceased or MemberStatus.TransferredOut or MemberStatus.Disqualified ? "该党员已不在册，不能再变更党籍状态。"
        : to == MemberStatus.TransferredOut ? "转出本区请使用“组织关系转接”。"
        : from == to ? "新状态与当前状态相同。"
        : null;

    public static async Task<Outcome<MemberDto>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, Guid id, StatusForm f, CancellationToken ct)
    {
        var m = await db.Members.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, m.OrgPath)) return Failure.Forbidden;
        if (m.Version != f.Version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (Problem(m.Status, f.To!.Value) is { } rule) return Failure.Conflict(rule);
        var today = clock.Today();
        if (f.On > today) return Failure.Invalid(nameof(f.On), "变更日期不能晚于今天。");
        if (f.On < m.StatusSince) return Failure.Invalid(nameof(f.On), $"变更日期不能早于当前状态的起始日期（{m.StatusSince:yyyy-MM-dd}）。");
        db.MemberStatusChanges.Add(new MemberStatusChange
        {
            MemberId = m.Id, OrgPath = m.OrgPath, From = m.Status, To = f.To.Value, On = f.On!.Value, Reason = f.Reason?.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = db.Scope.UserName,
        });
        m.Status = f.To.Value;
        m.StatusSince = f.On.Value;
        await db.SaveChangesAsync(ct);
        return (await db.ToDtosAsync(units, places, pd, [m], today, ct))[0];
    }
}
