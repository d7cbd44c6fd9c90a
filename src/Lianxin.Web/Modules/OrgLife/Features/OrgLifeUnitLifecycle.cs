using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>Meetings, attendance, trainings (organiser and audience) and feeds follow a moved unit; a branch with meetings still to come cannot be dissolved.</summary>
public class OrgLifeUnitLifecycle(TimeProvider clock) : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["olf_meetings"] = await db.RebaseAsync<Meeting>(oldRoot, newRoot, ct),
            ["olf_attendance"] = await db.RebaseAsync<MeetingAttendance>(oldRoot, newRoot, ct),
            ["olf_feeds"] = await db.RebaseAsync<BranchFeed>(oldRoot, newRoot, ct),
            ["olf_training_sessions"] = await db.RebaseAsync<TrainingSession>(oldRoot, newRoot, ct),
            ["olf_training_sessions.AudiencePath"] = await db.RebaseAsync<TrainingSession>(oldRoot, newRoot, ct, nameof(TrainingSession.AudiencePath)),
            ["olf_training_records"] = await db.RebaseAsync<TrainingRecord>(oldRoot, newRoot, ct),
            ["olf_member_feeds"] = await db.RebaseAsync<MemberFeed>(oldRoot, newRoot, ct),
            ["olf_visits"] = await db.RebaseAsync<HouseholdVisit>(oldRoot, newRoot, ct),
            ["olf_dispatch_meetings"] = await db.RebaseAsync<DispatchMeeting>(oldRoot, newRoot, ct),
            ["olf_dispatch_items"] = await db.RebaseAsync<DispatchItem>(oldRoot, newRoot, ct),
            ["olf_plans"] = await db.RebaseAsync<MeetingPlan>(oldRoot, newRoot, ct),
            ["olf_planned_meetings"] = await db.RebaseAsync<PlannedMeeting>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var n = await db.Meetings.AcrossScope().CountAsync(m => m.OrgPath.StartsWith(path) && m.Status == MeetingStatus.Active && m.StartsAt > now, ct);
        return n == 0 ? null : $"{n} 场尚未召开的组织生活会议";
    }
}
