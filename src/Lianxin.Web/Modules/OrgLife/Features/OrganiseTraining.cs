using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>The session an organiser acts on: seen (else 404) and organised by the caller's unit (else 403).</summary>
static class OrganisedSession
{
    public static async Task<Outcome<TrainingSession>> FindAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var s = await db.TrainingSessions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Failure.NotFound;
        if (!db.Scope.Can(TrainingPermissions.Organise, s.OrgPath)) return Failure.Forbidden;
        return s;
    }

    /// <summary>The member when on the roster under the audience unit: the organiser may enrol and sign in only them.</summary>
    public static async Task<MemberRef?> AudienceMemberAsync(MemberDirectory members, TrainingSession s, Guid memberId, CancellationToken ct) =>
        (await members.ManyInDistrictAsync([memberId], ct)).FirstOrDefault() is { } m && Trainings.InAudience(s, m, enrolled: true) ? m : null;
}

public record AudienceMember(Guid MemberId, string Name, bool Enrolled, bool SignedIn);

/// <summary>Who an organiser can enrol or sign in by hand: the roster under the audience unit today, with where each stands.</summary>
public static class ListAudience
{
    public const int Limit = 500;

    public static async Task<Outcome<IReadOnlyList<AudienceMember>>> HandleAsync(LianxinDb db, MemberDirectory members, Guid sessionId, CancellationToken ct)
    {
        var found = await OrganisedSession.FindAsync(db, sessionId, ct);
        if (!found.IsOk) return found.AsFailure();
        var s = found.Value!;
        var roster = (await members.RosterAsync(s.AudiencePath, ct)).Take(Limit).ToList();
        var records = await db.TrainingRecords.AcrossScope().AsNoTracking().Where(r => r.SessionId == s.Id)
            .ToDictionaryAsync(r => r.MemberId, r => r.SignedInAt != null, ct);
        return roster.Select(m => new AudienceMember(m.Id, m.Name, records.ContainsKey(m.Id), records.GetValueOrDefault(m.Id))).ToList();
    }
}

public record EnrolRequest(IReadOnlyList<Guid> MemberIds);

public record Enrolled(int Added);

/// <summary>The organiser enrols members of the audience (the 三委 members of each community for a session by invitation).</summary>
public static class EnrolMembers
{
    public static async Task<Outcome<Enrolled>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, Guid sessionId, EnrolRequest r, CancellationToken ct)
    {
        var found = await OrganisedSession.FindAsync(db, sessionId, ct);
        if (!found.IsOk) return found.AsFailure();
        var s = found.Value!;
        var ids = (r.MemberIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return Failure.Invalid("MemberIds", "请选择要报名的党员。");
        if (ids.Count > ListAudience.Limit) return Failure.Invalid("MemberIds", $"一次最多报名 {ListAudience.Limit} 人。");
        var people = await members.ManyInDistrictAsync(ids, ct);
        var outside = people.Where(m => !Trainings.InAudience(s, m, enrolled: true)).Select(m => m.Name).Concat(ids.Except(people.Select(p => p.Id)).Select(_ => "?")).ToList();
        if (outside.Count > 0) return Failure.Invalid("MemberIds", $"{string.Join("、", outside.Take(5))} 不在参训单位的党员名册中，不能报名。");
        var have = await db.TrainingRecords.AcrossScope().Where(x => x.SessionId == s.Id).Select(x => x.MemberId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var m in people.Where(p => !have.Contains(p.Id)))
        {
            Trainings.Enrol(db, s, m, now);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return new Enrolled(added);
    }
}

public record HandSignIn(Guid MemberId);

/// <summary>The organiser signs a member in by hand (no phone, a flat battery): enrolled on the way when needed.</summary>
public static class SignInByHand
{
    public static async Task<Outcome<SignedIn>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, Guid sessionId, HandSignIn r, CancellationToken ct)
    {
        var found = await OrganisedSession.FindAsync(db, sessionId, ct);
        if (!found.IsOk) return found.AsFailure();
        var s = found.Value!;
        if (s.Cancelled) return Failure.Conflict("本次培训已取消。");
        if (await OrganisedSession.AudienceMemberAsync(members, s, r.MemberId, ct) is not { } m)
            return Failure.Invalid(nameof(r.MemberId), "该党员不在参训单位的党员名册中，不能签到。");
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await Trainings.RecordAsync(db, s.Id, m.Id, ct);
        if (record?.SignedInAt is { } at) return new SignedIn(s.Id, s.Title, m.Name, at, true);
        record ??= Trainings.Enrol(db, s, m, now);
        record.SignedInAt = now;
        record.SignedInBy = db.Scope.UserName;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new SignedIn(s.Id, s.Title, m.Name, now, false);
    }
}

public record ScoreEntry(Guid MemberId, int? Score);

public record ScoresRequest(IReadOnlyList<ScoreEntry> Scores);

public record ScoresSaved(int Scored);

/// <summary>The organiser enters the test scores (0–100) of those who signed in; an empty score clears it.</summary>
public static class RecordScores
{
    public static async Task<Outcome<ScoresSaved>> HandleAsync(LianxinDb db, Guid sessionId, ScoresRequest r, CancellationToken ct)
    {
        var found = await OrganisedSession.FindAsync(db, sessionId, ct);
        if (!found.IsOk) return found.AsFailure();
        var s = found.Value!;
        var records = await db.TrainingRecords.AcrossScope().Where(x => x.SessionId == s.Id).ToDictionaryAsync(x => x.MemberId, ct);
        var e = new Errors();
        var entries = r.Scores ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var x = entries[i];
            if (x is null) e.Fail($"Scores[{i}]", "成绩列表中不能有空项。");
            else if (x.Score is < 0 or > 100) e.Fail($"Scores[{i}].Score", "成绩须在 0 到 100 分之间。");
            else if (!records.TryGetValue(x.MemberId, out var rec) || rec.SignedInAt is null) e.Fail($"Scores[{i}].MemberId", "只能给已签到的党员登记成绩。");
        }
        if (e.Any) return Failure.Invalid(e);
        foreach (var x in entries) records[x.MemberId].Score = x.Score;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new ScoresSaved(records.Values.Count(v => v.Score is not null));
    }
}
