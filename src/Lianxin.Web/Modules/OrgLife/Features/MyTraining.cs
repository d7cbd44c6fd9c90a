using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record MyTrainingRow(Guid SessionId, string Title, string KindName, DateTime StartsAt, string Place, bool Cancelled, bool Enrolled,
    DateTime? SignedInAt, int? Score, string? Reflection);

public record MyTrainings(Guid MemberId, string Name, IReadOnlyList<MyTrainingRow> Open, IReadOnlyList<MyTrainingRow> Mine);

/// <summary>
/// A member's trainings: the coming sessions whose audience takes them (to enrol), and their own records (signed in, score,
/// 心得), newest first. Sessions are read across the tree: the member sits below the organiser.
/// </summary>
public static class MyTraining
{
    public const int Limit = 50;

    public static async Task<Outcome<MyTrainings>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, CancellationToken ct)
    {
        if (await Trainings.MeAsync(db, members, ct) is not { } me) return Failure.NotFound with { Message = Trainings.NotAMember };
        var now = clock.GetUtcNow().UtcDateTime;
        var records = await db.TrainingRecords.AcrossScope().AsNoTracking().Where(r => r.MemberId == me.Id).OrderByDescending(r => r.HeldOn).Take(Limit).ToListAsync(ct);
        var ids = records.Select(r => r.SessionId).ToList();
        var sessions = await db.TrainingSessions.AcrossScope().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // Open sessions: a roster audience at the member's branch or a unit above it, not yet ended, not cancelled.
        var above = Enumerable.Range(1, me.BranchPath.Length - 1).Where(i => me.BranchPath[i] == '/').Select(i => me.BranchPath[..(i + 1)]).ToList();
        var open = me.OnRoster
            ? await db.TrainingSessions.AcrossScope().AsNoTracking()
                .Where(s => s.Audience == TrainingAudience.Roster && !s.Cancelled && s.EndsAt > now && !ids.Contains(s.Id) && above.Contains(s.AudiencePath))
                .OrderBy(s => s.StartsAt).Take(Limit).ToListAsync(ct)
            : [];
        return new MyTrainings(me.Id, me.Name,
            open.Select(s => new MyTrainingRow(s.Id, s.Title, s.Kind.Chinese(), s.StartsAt, s.Place, s.Cancelled, false, null, null, null)).ToList(),
            records.Where(r => sessions.ContainsKey(r.SessionId)).Select(r => Row(sessions[r.SessionId], r)).ToList());
    }

    static MyTrainingRow Row(TrainingSession s, TrainingRecord r) =>
        new(s.Id, s.Title, s.Kind.Chinese(), s.StartsAt, s.Place, s.Cancelled, true, r.SignedInAt, r.Score, r.Reflection);
}

/// <summary>A member enrols in a coming session whose audience takes them.</summary>
public static class EnrolSelf
{
    public static async Task<Outcome<Enrolled>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, Guid sessionId, CancellationToken ct)
    {
        if (await Trainings.MeAsync(db, members, ct) is not { } me) return Failure.Conflict(Trainings.NotAMember);
        var s = await db.TrainingSessions.AcrossScope().AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null) return Failure.NotFound;
        var record = await Trainings.RecordAsync(db, s.Id, me.Id, ct);
        if (!Trainings.InAudience(s, me, record is not null)) return Failure.Conflict(Trainings.NotInAudience);
        var now = clock.GetUtcNow().UtcDateTime;
        if (s.Cancelled || s.EndsAt <= now) return Failure.Conflict("本次培训已结束或已取消，不能报名。");
        if (record is not null) return new Enrolled(0);
        Trainings.Enrol(db, s, me, now);
        await db.SaveChangesAsync(ct);
        return new Enrolled(1);
    }
}

public record ReflectionInput(string? Reflection);

/// <summary>A member writes their 心得 on a session they signed in to (at most 500 characters); an empty one removes it.</summary>
public static class SaveReflection
{
    public static async Task<Outcome<string?>> HandleAsync(LianxinDb db, MemberDirectory members, Guid sessionId, ReflectionInput r, CancellationToken ct)
    {
        if (await Trainings.MeAsync(db, members, ct) is not { } me) return Failure.Conflict(Trainings.NotAMember);
        var record = await Trainings.RecordAsync(db, sessionId, me.Id, ct);
        if (record is null) return Failure.NotFound;
        if (record.SignedInAt is null) return Failure.Conflict("签到后才能提交培训心得。");
        var text = string.IsNullOrWhiteSpace(r.Reflection) ? null : r.Reflection.Trim();
        if (text?.Length > TrainingNames.MaxReflection) return Failure.Invalid(nameof(r.Reflection), $"培训心得不能超过 {TrainingNames.MaxReflection} 个字。");
        record.Reflection = text;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return text;
    }
}
