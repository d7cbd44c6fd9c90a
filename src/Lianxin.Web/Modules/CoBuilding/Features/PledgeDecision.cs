using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class PledgeDecisionRequest
{
    public string ResponsiblePerson { get; set; } = "";
    public DateOnly? DueOn { get; set; }
}

public record DecisionPledged(Guid Id, DateTime PledgedAt);

/// <summary>
/// A meeting's decision becomes a pledge (我为群众办实事), once: CoBuilding publishes <see cref="CommitteeDecisionPledged"/> with the
/// change, and Pledges makes a draft pledge of the committee's unit from it.
/// </summary>
public static class PledgeDecision
{
    public static async Task<Outcome<DecisionPledged>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid decisionId, PledgeDecisionRequest r, CancellationToken ct)
    {
        var decision = await db.CommitteeDecisions.FirstOrDefaultAsync(d => d.Id == decisionId, ct);
        if (decision is null) return Failure.NotFound;
        if (!db.Scope.Can(CoBuildingPermissions.Manage, decision.OrgPath)) return Failure.Forbidden;
        if (decision.PledgedAt is not null) return Failure.Conflict("该决定事项已转为为民办实事承诺。");
        var e = new Errors();
        e.Required(nameof(r.ResponsiblePerson), r.ResponsiblePerson, "请填写责任人。");
        e.Max(nameof(r.ResponsiblePerson), r.ResponsiblePerson, 60, "责任人");
        var today = clock.Today();
        if (r.DueOn is null) e.Fail(nameof(r.DueOn), "请填写完成时限。");
        else if (r.DueOn < today) e.Fail(nameof(r.DueOn), "完成时限不能早于今天。");
        if (e.Any) return Failure.Invalid(e);

        var meeting = await db.CommitteeMeetings.AsNoTracking().FirstAsync(m => m.Id == decision.MeetingId, ct);
        var unit = await org.FindInDistrictAsync(meeting.CommitteeUnitId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        decision.ResponsiblePerson = r.ResponsiblePerson.Trim();
        decision.DueOn = r.DueOn;
        decision.PledgedAt = now;
        db.Publish(new CommitteeDecisionPledged(decision.Id, meeting.Id, unit is null ? "大工委" : CommitteeNames.Of(unit), meeting.HeldOn, decision.Text,
            meeting.CommitteeUnitId, meeting.OrgPath, decision.ResponsiblePerson, r.DueOn!.Value, decision.ProjectId), now);
        await db.SaveChangesAsync(ct);
        return new DecisionPledged(decision.Id, now);
    }
}
