using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>An application for membership (入党申请书) received by a branch.</summary>
public class ApplicationInput
{
    public Guid? BranchId { get; set; }
    public string Name { get; set; } = "";
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Source { get; set; }
    public DateOnly? AppliedOn { get; set; }
    public string? Note { get; set; }
    /// <summary>受理编号 of the resident's demand the application starts from (群众诉求), when there is one.</summary>
    public string? DemandTicketNo { get; set; }
}

public record RecruitSaved(Guid Id, int Version);

public static class RegisterApplication
{
    public static Task<Outcome<RecruitSaved>> HandleAsync(LianxinDb db, OrgDirectory org, MemberDirectory members, PersonalData pd,
        TimeProvider clock, ApplicationInput r, CancellationToken ct) => HandleAsync(db, org, members, null, pd, clock, r, ct);

    /// <summary>A branch registers an application; with <see cref="ApplicationInput.DemandTicketNo"/> it starts from a resident's demand it sees.</summary>
    public static async Task<Outcome<RecruitSaved>> HandleAsync(LianxinDb db, OrgDirectory org, MemberDirectory members, DemandDirectory? demands, PersonalData pd,
        TimeProvider clock, ApplicationInput r, CancellationToken ct)
    {
        var e = new Errors();
        var branch = r.BranchId is { } bid && await org.FindAsync(bid, ct) is { Kind: OrgKind.Branch, IsActive: true } b ? b : null;
        if (branch is null) e.Fail(nameof(r.BranchId), "请选择受理申请的党支部。");
        else if (!db.Scope.Can(PartyWorkPermissions.Manage, branch.Path)) return Failure.Forbidden;
        DemandSummary? demand = null;
        if (!string.IsNullOrWhiteSpace(r.DemandTicketNo) && (demands is null || (demand = await demands.FindByTicketAsync(r.DemandTicketNo, ct)) is null))
            e.Fail(nameof(r.DemandTicketNo), "未找到该诉求编号，或该诉求不在您的管辖范围内。");
        if (demand is not null && string.IsNullOrWhiteSpace(r.Source)) r.Source = "群众诉求";
        return await AddAsync(db, members, pd, clock, branch, r, e, null, demand?.Id, ct);
    }

    /// <summary>
    /// What every application needs, whoever files it (a branch, or a resident for themselves): a name, a valid ID number of someone
    /// at least eighteen on the day, not already in the pipeline nor on the roster; then the person and the first step, 递交入党申请书.
    /// </summary>
    internal static async Task<Outcome<RecruitSaved>> AddAsync(LianxinDb db, MemberDirectory members, PersonalData pd, TimeProvider clock,
        OrgUnitRef? branch, ApplicationInput r, Errors e, Guid? userId, Guid? demandId, CancellationToken ct)
    {
        e.Required(nameof(r.Name), r.Name, "请填写申请人姓名。");
        e.Max(nameof(r.Name), r.Name, 60, "姓名");
        e.Max(nameof(r.Source), r.Source, 40, "来源");
        e.Max(nameof(r.Note), r.Note, 500, "备注");
        var phone = r.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !(phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit)))
            e.Fail(nameof(r.Phone), "手机号码应为 11 位数字。");
        var today = clock.Today();
        if (r.AppliedOn is null) e.Fail(nameof(r.AppliedOn), "请填写递交申请书的日期。");
        else if (r.AppliedOn > today) e.Fail(nameof(r.AppliedOn), "申请日期不能晚于今天。");
        string? hash = null;
        (DateOnly Birth, bool Female) facts = default;
        if (CitizenIds.Problem(r.IdNumber) is { } idProblem) e.Fail(nameof(r.IdNumber), idProblem);
        else
        {
            facts = CitizenIds.Facts(r.IdNumber!);
            hash = pd.Hash(r.IdNumber!);
            if (r.AppliedOn is { } applied && applied < facts.Birth.AddYears(18)) e.Fail(nameof(r.AppliedOn), "申请入党须年满十八岁（《中国共产党章程》第一条）。");
            if (await db.Recruits.AcrossScope().AnyAsync(x => x.IdNumberHash == hash && x.State == RecruitState.Active, ct))
                e.Fail(nameof(r.IdNumber), "此人已在发展党员程序中，不能重复提交入党申请。");
            else if (await members.HoldsIdNumberAsync(hash, ct)) e.Fail(nameof(r.IdNumber), "此人已在党员名册中。");
        }
        if (e.Any) return Failure.Invalid(e);

        var steps = await RecruitProcedure.StepsAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var recruit = new Recruit
        {
            BranchId = branch!.Id, OrgPath = branch.Path, Name = r.Name.Trim(), Female = facts.Female, BirthDate = facts.Birth,
            IdNumberCipher = pd.Encrypt(PersonalData.Normalize(r.IdNumber!)), IdNumberHash = hash!, PhoneCipher = pd.Seal(phone).Cipher,
            Source = string.IsNullOrWhiteSpace(r.Source) ? null : r.Source.Trim(), StepCode = RecruitRules.Apply, StepOn = r.AppliedOn!.Value,
            Stage = RecruitStage.Applicant, UserId = userId, DemandId = demandId, CreatedAt = now,
        };
        RecruitProcedure.Refresh(steps, recruit, new Dictionary<string, DateOnly> { [RecruitRules.Apply] = recruit.StepOn });
        db.Recruits.Add(recruit);
        db.RecruitEntries.Add(new RecruitEntry
        {
            RecruitId = recruit.Id, OrgPath = branch.Path, StepCode = RecruitRules.Apply, On = recruit.StepOn,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), RecordedAt = now, RecordedBy = db.Scope.UserName,
        });
        await db.SaveChangesAsync(ct);
        return new RecruitSaved(recruit.Id, recruit.Version);
    }
}
