using Lianxin.Web.Platform.Events;

namespace Lianxin.Web.Modules.Deliberation.Contracts;

/// <summary>
/// A motion (议题) was settled at a meeting of <paramref name="LevelName"/> (小区/社区/街道) and the meeting asked that the
/// outcome become a practical matter for residents: <paramref name="UnitId"/> (at <paramref name="UnitPath"/>) is the
/// unit that settled it and answers for it, <paramref name="ResponsiblePerson"/> and <paramref name="DueOn"/> what the meeting named.
/// </summary>
public sealed record MotionSettled(Guid MotionId, string Title, string CompoundName, string LevelName, string Outcome,
    Guid UnitId, string UnitPath, string ResponsiblePerson, DateOnly DueOn, DateTime SettledAt) : IntegrationEvent;
