using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>A step taken for a person in the pipeline (or, at the end of probation, 延长预备期 / 取消预备党员资格).</summary>
public class StepInput
{
    public string StepCode { get; set; } = "";
    public DateOnly? On { get; set; }
    public string? Note { get; set; }
    /// <summary>培养联系人, when determining an activist.</summary>
    public string? Contacts { get; set; }
    /// <summary>How long the probation is extended (延长预备期, at most a year).</summary>
    public int? ExtendMonths { get; set; }
    public int Version { get; set; }
}

public static class RecordStep
{
    public const string Module = "partywork", EntryKind = "entry";

    public static async Task<Outcome<RecruitSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid recruitId, StepInput r,
        IReadOnlyList<Upload> documents, CancellationToken ct)
    {
        var recruit = await db.Recruits.FirstOrDefaultAsync(x => x.Id == recruitId, ct);
        if (recruit is null) return Failure.NotFound;
        // The higher committee approves admissions; the branch records everything else.
        var needs = r.StepCode is RecruitRules.Approve or RecruitRules.Cancel or RecruitRules.Extend ? PartyWorkPermissions.Approve : PartyWorkPermissions.Manage;
        if (!db.Scope.Can(needs, recruit.OrgPath)) return Failure.Forbidden;
        if (recruit.Version != r.Version) return Failure.Stale;

        var e = new Errors();
        var today = clock.Today();
        e.Max(nameof(r.Note), r.Note, 500, "备注");
        e.Max(nameof(r.Contacts), r.Contacts, 100, "培养联系人");
        if (r.On is null) e.Fail(nameof(r.On), "请填写办理日期。");
        else if (r.On > today) e.Fail(nameof(r.On), "办理日期不能晚于今天。");
        if (r.StepCode == RecruitRules.Activist && string.IsNullOrWhiteSpace(r.Contacts)) e.Fail(nameof(r.Contacts), "确定入党积极分子时须指定培养联系人。");
        if (r.StepCode == RecruitRules.Extend && r.ExtendMonths is not (>= 1 and <= 12)) e.Fail(nameof(r.ExtendMonths), "延长预备期为 1 至 12 个月。");
        if (e.Any) return Failure.Invalid(e);

        var steps = await RecruitProcedure.StepsAsync(db, ct);
        var done = await RecruitProcedure.DoneAsync(db, recruit.Id, ct);
        if (RecruitRules.Refusal(steps, recruit, done, r.StepCode, r.On!.Value) is { } refusal) return Failure.Conflict(refusal);

        var on = r.On.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new RecruitEntry
        {
            RecruitId = recruit.Id, OrgPath = recruit.OrgPath, StepCode = r.StepCode, On = on,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), RecordedAt = now, RecordedBy = db.Scope.UserName,
        };
        db.RecruitEntries.Add(entry);
        if (documents.Count > 0) FileStore.Add(db, new Attachment(Module, EntryKind, recruit.TenantId, entry.Id, recruit.OrgPath), documents, now);
        done[r.StepCode] = on;
        switch (r.StepCode)
        {
            case RecruitRules.Extend:
                recruit.ExtendedMonths = r.ExtendMonths!.Value;
                // 转正 now falls due later (Refresh below): remind the branch again when it does.
                recruit.RemindedCode = null;
                break;
            case RecruitRules.Cancel:
                recruit.State = RecruitState.Cancelled;
                db.Publish(new ProbationCancelled(recruit.Id, on), now);
                break;
            default:
                var step = steps.First(s => s.Code == r.StepCode);
                recruit.StepCode = step.Code;
                recruit.StepOn = on;
                recruit.Stage = step.Stage;
                if (step.Code == RecruitRules.Activist) recruit.Contacts = r.Contacts!.Trim();
                if (step.Code == RecruitRules.Approve)
                    db.Publish(new ProbationaryMemberAdmitted(recruit.Id, recruit.Name, recruit.Female ? "女" : "男", recruit.BirthDate, recruit.IdNumberCipher,
                        recruit.PhoneCipher, recruit.BranchId, done.GetValueOrDefault(RecruitRules.Admit, on), on), now);
                if (step.Code == RecruitRules.Confirm)
                {
                    recruit.State = RecruitState.Confirmed;
                    db.Publish(new MemberConfirmedFull(recruit.Id, on), now);
                }
                break;
        }
        RecruitProcedure.Refresh(steps, recruit, done);
        db.Entry(recruit).Property(x => x.Version).OriginalValue = r.Version;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new RecruitSaved(recruit.Id, recruit.Version);
    }
}
