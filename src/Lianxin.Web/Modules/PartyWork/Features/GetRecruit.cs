using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

public record EntryDto(Guid Id, string StepCode, string StepName, DateOnly On, string? Note, string RecordedBy, IReadOnlyList<Guid> Files);

/// <summary>A step the caller may record now, with the earliest day the rules allow.</summary>
public record StepChoice(string Code, string Name, DateOnly? EarliestOn, string? RuleName);

public record RecruitDetail(Guid Id, string Name, string Gender, int Age, string BranchName, Guid BranchId, string? Source, string? Contacts,
    string Stage, string StepName, DateOnly StepOn, string State, string? NextName, DateOnly? NextDueOn, bool Overdue, int ExtendedMonths,
    IReadOnlyList<EntryDto> Entries, IReadOnlyList<StepChoice> Choices, int Version);

public static class GetRecruit
{
    public static async Task<Outcome<RecruitDetail>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var r = await db.Recruits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Failure.NotFound;
        // Residents hold a role in the community too (申请入党): the file is for those who run the pipeline.
        if (!db.Scope.Can(PartyWorkPermissions.View, r.OrgPath)) return Failure.Forbidden;
        var steps = await RecruitProcedure.StepsAsync(db, ct);
        var names = steps.ToDictionary(s => s.Code, s => s.Name);
        names[RecruitRules.Extend] = "延长预备期";
        names[RecruitRules.Cancel] = "取消预备党员资格";
        var entries = await db.RecruitEntries.AsNoTracking().Where(e => e.RecruitId == id).OrderBy(e => e.On).ThenBy(e => e.RecordedAt).ToListAsync(ct);
        var entryIds = entries.Select(e => e.Id).ToList();
        var files = (await FileStore.Of(db, RecordStep.Module, RecordStep.EntryKind).Where(f => entryIds.Contains(f.OwnerId))
            .Select(f => new { f.OwnerId, f.Id }).ToListAsync(ct)).ToLookup(f => f.OwnerId, f => f.Id);
        var done = entries.GroupBy(e => e.StepCode).ToDictionary(g => g.Key, g => g.Max(e => e.On));
        var today = clock.Today();

        var choices = new List<StepChoice>();
        if (r.State == RecruitState.Active && RecruitRules.NextOf(steps, r.StepCode) is { } next)
        {
            var perm = next.Code == RecruitRules.Approve ? PartyWorkPermissions.Approve : PartyWorkPermissions.Manage;
            if (db.Scope.Can(perm, r.OrgPath)) choices.Add(new StepChoice(next.Code, next.Name, RecruitRules.EarliestOn(next, done, r.StepCode, r.ExtendedMonths), next.RuleName));
        }
        if (r.State == RecruitState.Active && r.Stage == RecruitStage.Probationary && db.Scope.Can(PartyWorkPermissions.Approve, r.OrgPath))
        {
            if (r.ExtendedMonths == 0) choices.Add(new StepChoice(RecruitRules.Extend, names[RecruitRules.Extend], done.GetValueOrDefault(RecruitRules.Admit).AddMonths(12), null));
            choices.Add(new StepChoice(RecruitRules.Cancel, names[RecruitRules.Cancel], null, null));
        }
        var branch = await org.FindInDistrictAsync(r.BranchId, ct);
        return new RecruitDetail(r.Id, r.Name, r.Female ? "女" : "男", today.Year - r.BirthDate.Year - (today < r.BirthDate.AddYears(today.Year - r.BirthDate.Year) ? 1 : 0),
            branch?.DisplayName ?? "—", r.BranchId, r.Source, r.Contacts, r.Stage.Chinese(), names.GetValueOrDefault(r.StepCode, r.StepCode), r.StepOn,
            r.State.Chinese(), r.NextCode is { } nc ? names.GetValueOrDefault(nc, nc) : null, r.NextDueOn, RecruitRules.Overdue(steps, r, today), r.ExtendedMonths,
            entries.Select(e => new EntryDto(e.Id, e.StepCode, names.GetValueOrDefault(e.StepCode, e.StepCode), e.On, e.Note, e.RecordedBy, files[e.Id].ToList())).ToList(),
            choices, r.Version);
    }
}
