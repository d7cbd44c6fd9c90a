using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Domain;

/// <summary>
/// A community's weekly dispatch meeting (周调度). Its agenda (open demands, overdue pledges) is pulled when the meeting is
/// created and kept as it was (<see cref="AgendaJson"/>), so a past week's page shows what that week discussed.
/// </summary>
public class DispatchMeeting : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public string? Notes { get; set; }
    public string AgendaJson { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ActionItemState>))]
public enum ActionItemState { Open, Closed, CarriedOver }

/// <summary>
/// An action item decided at a dispatch meeting: who does what by when. An item still open when the next meeting is held
/// becomes <see cref="ActionItemState.CarriedOver"/> there and a copy (<see cref="CarriedFromId"/>) goes on the new meeting.
/// </summary>
public class DispatchItem : Entity, IOrgScoped
{
    public Guid MeetingId { get; set; }
    public string OrgPath { get; set; } = "";
    public int Seq { get; set; }
    public string Title { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly DueOn { get; set; }
    /// <summary>What it follows up, as written on the agenda (a demand's ticket number, a pledge's title), or null.</summary>
    public string? SourceRef { get; set; }
    public ActionItemState State { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedNote { get; set; }
    public Guid? CarriedFromId { get; set; }
    /// <summary>How many weeks it has been carried (0 on the meeting that decided it).</summary>
    public int Weeks { get; set; }
}

/// <summary>One line of a dispatch meeting's agenda as it was pulled.</summary>
public record AgendaLine(string Kind, string Ref, string Title, string Detail, bool Overdue, string? Link);
