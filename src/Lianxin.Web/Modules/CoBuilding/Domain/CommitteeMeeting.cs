using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.CoBuilding.Domain;

/// <summary>
/// A meeting (例会) of a street's 大工委 or a community's 大党委: when and where, its agenda (one item a line), minutes.
/// <see cref="OrgPath"/> is the committee's street or community.
/// </summary>
public class CommitteeMeeting : Entity, IOrgScoped, IVersioned
{
    public Guid CommitteeUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = "";
    public string Agenda { get; set; } = "";
    public string? Minutes { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> AgendaItems => Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Whether a seat's holder came to a meeting; absent with a reason, and the person sent instead if any.</summary>
public class CommitteeAttendance : Entity, IOrgScoped
{
    public Guid MeetingId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid SeatId { get; set; }
    public bool Present { get; set; }
    public string? AbsenceReason { get; set; }
    public string? Substitute { get; set; }
}

/// <summary>
/// A decision a meeting took. It may be turned into a pledge (我为群众办实事) once: <see cref="PledgedAt"/> records when.
/// <see cref="ProjectId"/> names the co-building project it concerns or became; recording the meeting checks it is one in scope.
/// </summary>
public class CommitteeDecision : Entity, IOrgScoped
{
    public Guid MeetingId { get; set; }
    public string OrgPath { get; set; } = "";
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public Guid? ProjectId { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTime? PledgedAt { get; set; }
}

public static class MeetingRules
{
    /// <summary>Quarter 1–4 of a date.</summary>
    public static int Quarter(DateOnly d) => (d.Month - 1) / 3 + 1;

    /// <summary>
    /// The quarters of <paramref name="year"/> up to the one holding <paramref name="today"/> (the current one counts only once it is
    /// over) in which the committee held no meeting: shown as 欠开.
    /// </summary>
    public static IReadOnlyList<int> MissedQuarters(int year, DateOnly today, IEnumerable<DateOnly> held)
    {
        var heldQuarters = held.Where(d => d.Year == year).Select(Quarter).ToHashSet();
        var lastClosed = year < today.Year ? 4 : year > today.Year ? 0 : Quarter(today) - 1;
        return Enumerable.Range(1, lastClosed).Where(q => !heldQuarters.Contains(q)).ToList();
    }
}
