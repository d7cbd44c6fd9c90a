using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>
/// A council settled a motion and asked for it to be done: a draft pledge of the unit that settled it, with the responsible person
/// and deadline the meeting named. Staff check it and publish it to the board.
/// </summary>
public class OnMotionSettled(LianxinDb db, OrgDirectory org, TimeProvider clock) : IEventHandler<MotionSettled>
{
    public async Task HandleAsync(MotionSettled e, CancellationToken ct)
    {
        var unit = await org.FindInDistrictAsync(e.UnitId, ct);
        var today = clock.Today();
        var title = $"{e.CompoundName}：{e.Title}";
        var description = $"{e.LevelName}议定：{e.Outcome}";
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
