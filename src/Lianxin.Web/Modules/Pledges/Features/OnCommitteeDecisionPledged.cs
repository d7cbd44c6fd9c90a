using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>A 大工委 / 大党委 meeting decided something to be done for residents: a draft pledge of the committee's street or community.</summary>
public class OnCommitteeDecisionPledged(LianxinDb db, OrgDirectory org, TimeProvider clock) : IEventHandler<CommitteeDecisionPledged>
{
    public Task HandleAsync(CommitteeDecisionPledged e, CancellationToken ct) =>
        DraftPledge.AddAsync(db, org, clock, e.UnitId, e.UnitPath, $"{e.CommitteeName}：{e.Decision}",
            $"{e.CommitteeName} {e.HeldOn:yyyy年M月d日}例会决定：{e.Decision}", e.ResponsiblePerson, e.DueOn, ct);
}
