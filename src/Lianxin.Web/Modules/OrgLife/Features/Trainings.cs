using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>Rules the training use cases share: who is in a session's audience, and the caller as a member.</summary>
public static class Trainings
{
    public const string NotInAudience = "您不在本次培训的参训范围内，如需参加请联系组织方。";
    public const string NotAMember = "您的账号尚未关联党员档案，无法签到，请联系所在支部。";

    /// <summary>
    /// A member belongs to the audience when on the roster under the audience unit and, for a session by invitation, enrolled
    /// by the organiser. <paramref name="enrolled"/> says whether a record exists.
    /// </summary>
    public static bool InAudience(TrainingSession s, MemberRef m, bool enrolled) =>
        m.OnRoster && m.BranchPath.StartsWith(s.AudiencePath, StringComparison.Ordinal) && (s.Audience == TrainingAudience.Roster || enrolled);

    /// <summary>The member behind the signed-in account, wherever their branch is.</summary>
    public static async Task<MemberRef?> MeAsync(LianxinDb db, MemberDirectory members, CancellationToken ct) =>
        db.Scope.UserId is { } id ? await members.OfUserInDistrictAsync(id, ct) : null;

    /// <summary>A new record: the member's branch is its path, so the record counts for (and is seen by) their unit.</summary>
    public static TrainingRecord Enrol(LianxinDb db, TrainingSession s, MemberRef m, DateTime now)
    {
        var r = new TrainingRecord
        {
            SessionId = s.Id, OrgPath = m.BranchPath, MemberId = m.Id, MemberName = m.Name, HeldOn = s.HeldOn, Kind = s.Kind, EnrolledAt = now,
        };
        db.TrainingRecords.Add(r);
        return r;
    }

    /// <summary>The member's record in a session, whatever unit it counts for (the session was found first).</summary>
    public static Task<TrainingRecord?> RecordAsync(LianxinDb db, Guid sessionId, Guid memberId, CancellationToken ct) =>
        db.TrainingRecords.AcrossScope().FirstOrDefaultAsync(r => r.SessionId == sessionId && r.MemberId == memberId, ct);
}
