using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record ScanView(Guid SessionId, string Title, string KindName, DateTime StartsAt, string Place, bool SignedIn);

public record SignedIn(Guid SessionId, string Title, string Name, DateTime SignedInAt, bool Already);

/// <summary>
/// A member opens the session's code on their phone and signs in as themselves: the code must be genuine and unexpired,
/// the account must be a member's, and the member must belong to the audience (on the roster under the audience unit; for
/// a session by invitation, enrolled). Signing in enrols a member of a roster audience who had not enrolled.
/// </summary>
public static class SignInByCode
{
    /// <summary>Opening the doors early is fine; a code shown the day before is not a sign-in.</summary>
    public static readonly TimeSpan OpensBeforeStart = TimeSpan.FromHours(1);

    /// <summary>What the scanned code opens, and whether the caller has signed in already.</summary>
    public static async Task<Outcome<ScanView>> ReadAsync(LianxinDb db, MemberDirectory members, TrainingCodes codes, string? token, CancellationToken ct)
    {
        if (await SessionAsync(db, codes, token, ct) is not { } s) return Failure.Invalid("Token", Platform.Localization.Text.Of(TrainingCodes.BadCode));
        var me = await Trainings.MeAsync(db, members, ct);
        var signed = me is not null && await db.TrainingRecords.AcrossScope().AnyAsync(r => r.SessionId == s.Id && r.MemberId == me.Id && r.SignedInAt != null, ct);
        return new ScanView(s.Id, s.Title, s.Kind.Chinese(), s.StartsAt, s.Place, signed);
    }

    public static async Task<Outcome<SignedIn>> HandleAsync(LianxinDb db, MemberDirectory members, TrainingCodes codes, TimeProvider clock, string? token, CancellationToken ct)
    {
        if (await SessionAsync(db, codes, token, ct) is not { } s) return Failure.Invalid("Token", Platform.Localization.Text.Of(TrainingCodes.BadCode));
        if (s.Cancelled) return Failure.Conflict("本次培训已取消。");
        if (await Trainings.MeAsync(db, members, ct) is not { } me) return Failure.Conflict(Trainings.NotAMember);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < s.StartsAt - OpensBeforeStart) return Failure.Conflict("培训开始前 1 小时起才能签到。");
        var record = await Trainings.RecordAsync(db, s.Id, me.Id, ct);
        if (!Trainings.InAudience(s, me, record is not null)) return Failure.Conflict(Trainings.NotInAudience);
        if (record?.SignedInAt is { } at) return new SignedIn(s.Id, s.Title, me.Name, at, true);
        record ??= Trainings.Enrol(db, s, me, now);
        record.SignedInAt = now;
        record.SignedInBy = TrainingNames.Scanned;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new SignedIn(s.Id, s.Title, me.Name, now, false);
    }

    /// <summary>The session behind a genuine, unexpired code: found across the tree, since the member scanning it sits outside the organiser's scope.</summary>
    static async Task<TrainingSession?> SessionAsync(LianxinDb db, TrainingCodes codes, string? token, CancellationToken ct) =>
        codes.Read(token) is { } id ? await db.TrainingSessions.AcrossScope().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) : null;
}
