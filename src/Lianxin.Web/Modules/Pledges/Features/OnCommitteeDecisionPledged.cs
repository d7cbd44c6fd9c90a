using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>
/// A 大工委 / 大党委 meeting decided something to be done for residents: a draft pledge of the committee's street or community, with
/// the responsible person and deadline it named. Staff check it and publish it to the board, as with settled motions.
/// </summary>
public class OnCommitteeDecisionPledged(LianxinDb db, OrgDirectory org, TimeProvider clock) : IEventHandler<CommitteeDecisionPledged>
{
    public async Task HandleAsync(CommitteeDecisionPledged e, CancellationToken ct)
    {
        var unit = await org.FindInDistrictAsync(e.UnitId, ct);
        var today = clock.Today();
        var title = $"{e.CommitteeName}：{e.Decision}";
        var description = $"{e.CommitteeName} {e.HeldOn:yyyy年M月d日}例会决定：{e.Decision}";
        db.Pledges.Add(new Pledge
        {
            OrgUnitId = e.UnitId, OrgPath = unit?.Path ?? e.UnitPath, Title = title.Length > 100 ? title[..100] : title,
            Description = description.Length > 2000 ? description[..2000] : description, Owner = PledgeOwner.Branch,
            ResponsiblePerson = e.ResponsiblePerson, ResponsibleUnit = unit?.DisplayName ?? "—", StartOn = today, DueOn = e.DueOn < today ? today : e.DueOn,
            State = PledgeState.Draft, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
