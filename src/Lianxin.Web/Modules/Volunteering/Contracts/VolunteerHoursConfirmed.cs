using Lianxin.Web.Platform.Events;

namespace Lianxin.Web.Modules.Volunteering.Contracts;

/// <summary>An organiser confirmed a volunteer's hours at an activity; the points bank credits them (once per AttendanceId).</summary>
public sealed record VolunteerHoursConfirmed(Guid AttendanceId, Guid ActivityId, string ActivityTitle, string ActivityKind,
    string CommunityPath, Guid UserId, string PersonName, int Minutes, DateOnly Day) : IntegrationEvent;
