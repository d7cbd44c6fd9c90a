using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.CoBuilding.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ProjectStatus>))]
public enum ProjectStatus { Running, Done }

/// <summary>A line of the 项目清单: a co-building project with its goal, parties, budget, dates and milestones.</summary>
public class CoProject : Entity, IOrgScoped, IVersioned
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string Goal { get; set; } = "";
    public decimal? Budget { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
    public ProjectStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Done by its planned end date (按期完成).</summary>
    public bool OnTime => Status == ProjectStatus.Done && DoneOn <= EndOn;
}

/// <summary>A partner unit taking part in a project.</summary>
public class ProjectParty : Entity, IOrgScoped
{
    public Guid ProjectId { get; set; }
    public Guid PartnerUnitId { get; set; }
    public string OrgPath { get; set; } = "";
}

public class ProjectMilestone : Entity, IOrgScoped
{
    public Guid ProjectId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}
