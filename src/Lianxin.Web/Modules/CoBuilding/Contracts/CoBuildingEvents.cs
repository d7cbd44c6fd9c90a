using Lianxin.Web.Platform.Events;

namespace Lianxin.Web.Modules.CoBuilding.Contracts;

/// <summary>
/// A decision of a 大工委 / 大党委 meeting is to be done as a practical matter for residents (我为群众办实事): the committee's unit
/// <paramref name="UnitId"/> (at <paramref name="UnitPath"/>) answers for it, with the person and deadline the meeting named.
/// <paramref name="ProjectId"/> is the co-building project it concerns, if any.
/// </summary>
public sealed record CommitteeDecisionPledged(Guid DecisionId, Guid MeetingId, string CommitteeName, DateOnly HeldOn, string Decision,
    Guid UnitId, string UnitPath, string ResponsiblePerson, DateOnly DueOn, Guid? ProjectId) : IntegrationEvent;
