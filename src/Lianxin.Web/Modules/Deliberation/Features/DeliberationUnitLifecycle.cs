using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

/// <summary>Motions, meetings and compounds' records follow a moved unit (a motion's handler path too); a unit with open motions to hear cannot be dissolved.</summary>
public class DeliberationUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["dlb_motions"] = await db.RebaseAsync<Motion>(oldRoot, newRoot, ct),
            ["dlb_motions.HandlerPath"] = await db.RebaseAsync<Motion>(oldRoot, newRoot, ct, nameof(Motion.HandlerPath)),
            ["dlb_meetings"] = await db.RebaseAsync<MotionMeeting>(oldRoot, newRoot, ct),
            ["dlb_owners_committees"] = await db.RebaseAsync<OwnersCommittee>(oldRoot, newRoot, ct),
            ["dlb_owners_committee_members"] = await db.RebaseAsync<OwnersCommitteeMember>(oldRoot, newRoot, ct),
            ["dlb_red_committee_rules"] = await db.RebaseAsync<RedCommitteeRule>(oldRoot, newRoot, ct),
            ["dlb_property_arrangements"] = await db.RebaseAsync<PropertyArrangement>(oldRoot, newRoot, ct),
            ["dlb_conventions"] = await db.RebaseAsync<Convention>(oldRoot, newRoot, ct),
            ["dlb_convention_versions"] = await db.RebaseAsync<ConventionVersion>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.Motions.AcrossScope().CountAsync(m => m.HandlerPath == path && m.State == MotionState.Open, ct);
        return n == 0 ? null : $"{n} 个待议的议题";
    }
}
