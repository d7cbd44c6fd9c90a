using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>A council settled a motion and asked for it to be done: a draft pledge of the unit that settled it.</summary>
public class OnMotionSettled(LianxinDb db, OrgDirectory org, TimeProvider clock) : IEventHandler<MotionSettled>
{
    public Task HandleAsync(MotionSettled e, CancellationToken ct) =>
        DraftPledge.AddAsync(db, org, clock, e.UnitId, e.UnitPath, $"{e.CompoundName}：{e.Title}", $"{e.LevelName}议定：{e.Outcome}", e.ResponsiblePerson, e.DueOn, ct);
}
