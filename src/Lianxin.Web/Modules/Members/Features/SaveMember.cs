using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// Create or edit a member. Birth date and gender come from the ID number. On edit the branch and status do
/// not change here (a transfer or a status change does), and an empty ID number keeps the stored one.
/// </summary>
public class MemberForm
{
    [Required(ErrorMessage = "请输入姓名。"), StringLength(60, ErrorMessage = "姓名过长。")]
    public string Name { get; set; } = "";
    [StringLength(20)]
    public string? Ethnicity { get; set; } = "汉族";
    [StringLength(18, ErrorMessage = "公民身份号码应为 18 位。")]
    public string? IdNumber { get; set; }
    [StringLength(20)]
    public string? Phone { get; set; }
    [StringLength(40)]
    public string? Education { get; set; }
    [Required(ErrorMessage = "请输入入党日期。")]
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? FullMemberOn { get; set; }
    public MemberCategory Category { get; set; }
    [Required(ErrorMessage = "请选择组织关系所在支部。")]
    public Guid? BranchId { get; set; }
    public Guid? CompoundId { get; set; }
    public Guid? BuildingId { get; set; }
    public Guid? HouseholdId { get; set; }
    [StringLength(200)]
    public string? Address { get; set; }
    [StringLength(200)]
    public string? Workplace { get; set; }
    public Employment Employment { get; set; }
    [StringLength(200)]
    public string? FloatingTo { get; set; }
    public int Version { get; set; }
}

public static class SaveMember
{
    public static async Task<Outcome<MemberDto>> CreateAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, MemberForm f, CancellationToken ct)
    {
        var problems = new Errors();
        if (string.IsNullOrWhiteSpace(f.IdNumber)) problems.Fail(nameof(f.IdNumber), "请输入公民身份号码。");
        var branch = await BranchAsync(units, f.BranchId, problems, ct);
        if (branch is not null && !db.Scope.Can(MemberPermissions.MemberManage, branch.Path)) return Failure.Forbidden;
        var today = clock.Today();
        var member = new Member { CreatedAt = clock.GetUtcNow().UtcDateTime, Status = MemberStatus.Normal, StatusSince = today };
        await ApplyAsync(db, places, pd, f, member, problems, today, ct);
        if (problems.Any) return Failure.Invalid(problems);
        member.BranchId = branch!.Id;
        member.OrgPath = branch.Path;
        db.Members.Add(member);
        db.MemberTransfers.Add(new MemberTransfer
        {
            MemberId = member.Id, OrgPath = branch.Path, Kind = TransferKind.Joined, ToBranchId = branch.Id, ToPath = branch.Path,
            On = today, Reason = "建档", RecordedAt = member.CreatedAt, RecordedBy = db.Scope.UserName,
        });
        db.MemberStatusChanges.Add(new MemberStatusChange
        {
            MemberId = member.Id, OrgPath = branch.Path, To = MemberStatus.Normal, On = today, Reason = "建档", RecordedAt = member.CreatedAt, RecordedBy = db.Scope.UserName,
        });
        await db.SaveChangesAsync(ct);
        return (await db.ToDtosAsync(units, places, pd, [member], today, ct))[0];
    }

    public static async Task<Outcome<MemberDto>> UpdateAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, Guid id, MemberForm f, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, member.OrgPath)) return Failure.Forbidden;
        if (member.Version != f.Version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        var problems = new Errors();
        var today = clock.Today();
        await ApplyAsync(db, places, pd, f, member, problems, today, ct);
        if (problems.Any) return Failure.Invalid(problems);
        await db.SaveChangesAsync(ct);
        return (await db.ToDtosAsync(units, places, pd, [member], today, ct))[0];
    }

    /// <summary>A branch (党支部) of the tenant that is active. It may lie outside the caller's scope only for transfers.</summary>
    public static async Task<OrgUnitRef?> BranchAsync(OrgDirectory units, Guid? branchId, Errors problems, CancellationToken ct, bool anywhere = false)
    {
        if (branchId is not { } id) { problems.Fail("BranchId", "请选择组织关系所在支部。"); return null; }
        var unit = anywhere ? await units.FindInDistrictAsync(id, ct) : await units.FindAsync(id, ct);
        if (unit is null || unit.Kind != OrgKind.Branch || !unit.IsActive) { problems.Fail("BranchId", "所选支部不存在或已撤销。"); return null; }
        return unit;
    }

    static async Task ApplyAsync(LianxinDb db, PlaceDirectory places, PersonalData pd, MemberForm f, Member m, Errors problems, DateOnly today, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(f.IdNumber))
        {
            if (CitizenId.Problem(f.IdNumber) is { } idProblem) problems.Fail(nameof(f.IdNumber), idProblem);
            else
            {
                var hash = pd.Hash(f.IdNumber);
                // Across the whole district, not only the caller's scope: one person, one membership.
                if (await db.Members.AcrossScope().AnyAsync(x => x.IdNumberHash == hash && x.Id != m.Id, ct))
                    problems.Fail(nameof(f.IdNumber), "该公民身份号码已在党员名册中。");
                else
                {
                    var id = PersonalData.Normalize(f.IdNumber);
                    m.IdNumberHash = hash;
                    m.IdNumberCipher = pd.Encrypt(id);
                    m.BirthDate = CitizenId.BirthDate(id)!.Value;
                    m.Gender = CitizenId.GenderOf(id);
                }
            }
        }
        var phone = PhoneNumber.Normalize(f.Phone);
        if (phone is not null && !PhoneNumber.IsMobile(phone))
            problems.Fail(nameof(f.Phone), "手机号码应为 11 位数字（可带 +86）。");
        if (f.JoinedOn is { } joined)
        {
            if (joined > today) problems.Fail(nameof(f.JoinedOn), "入党日期不能晚于今天。");
            else if (m.BirthDate != default && joined < m.BirthDate.AddYears(18)) problems.Fail(nameof(f.JoinedOn), "入党时应年满十八周岁。");
        }
        if (f.Category == MemberCategory.Full && f.FullMemberOn is null) problems.Fail(nameof(f.FullMemberOn), "正式党员请填写转正日期。");
        if (f.Category == MemberCategory.Probationary && f.FullMemberOn is not null) problems.Fail(nameof(f.FullMemberOn), "预备党员不应有转正日期。");
        if (f.FullMemberOn is { } full && f.JoinedOn is { } j && full < j) problems.Fail(nameof(f.FullMemberOn), "转正日期不能早于入党日期。");
        if (f.FullMemberOn > today) problems.Fail(nameof(f.FullMemberOn), "转正日期不能晚于今天。");
        if (f.Employment == Employment.Floating && string.IsNullOrWhiteSpace(f.FloatingTo)) problems.Fail(nameof(f.FloatingTo), "流动党员请填写流向。");
        await ResidenceAsync(places, f, m, problems, ct);
        if (problems.Any) return;
        m.Name = f.Name.Trim();
        m.Ethnicity = string.IsNullOrWhiteSpace(f.Ethnicity) ? "汉族" : f.Ethnicity.Trim();
        (m.PhoneCipher, m.PhoneHash) = pd.Seal(phone);
        m.Education = f.Education?.Trim();
        m.JoinedOn = f.JoinedOn!.Value;
        m.FullMemberOn = f.FullMemberOn;
        m.Category = f.Category;
        m.Address = f.Address?.Trim();
        m.Workplace = f.Workplace?.Trim();
        m.Employment = f.Employment;
        m.FloatingTo = f.Employment == Employment.Floating ? f.FloatingTo?.Trim() : null;
    }

    /// <summary>Compound, building and household must belong together; the residence may be outside the caller's scope.</summary>
    static async Task ResidenceAsync(PlaceDirectory places, MemberForm f, Member m, Errors problems, CancellationToken ct)
    {
        CompoundRef? compound = null;
        if (f.CompoundId is { } cid)
        {
            compound = (await places.CompoundsAsync([cid], ct)).FirstOrDefault();
            if (compound is null) { problems.Fail(nameof(f.CompoundId), "所选小区不存在。"); return; }
        }
        if (f.BuildingId is { } bid)
        {
            var building = (await places.BuildingsAsync([bid], ct)).FirstOrDefault();
            if (building is null || building.CompoundId != compound?.Id) { problems.Fail(nameof(f.BuildingId), "楼栋不属于所选小区。"); return; }
        }
        if (f.HouseholdId is { } hid)
        {
            var household = (await places.HouseholdsAsync([hid], ct)).FirstOrDefault();
            if (household is null || household.BuildingId != f.BuildingId) { problems.Fail(nameof(f.HouseholdId), "住户不属于所选楼栋。"); return; }
        }
        m.CompoundId = compound?.Id;
        m.ResidenceCommunityId = compound?.CommunityId;
        m.BuildingId = f.BuildingId;
        m.HouseholdId = f.HouseholdId;
    }
}
