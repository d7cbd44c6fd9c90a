using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.CoBuilding.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<AgreementKind>))]
public enum AgreementKind { Project, Annual }

[JsonConverter(typeof(JsonStringEnumConverter<AgreementStatus>))]
public enum AgreementStatus { InForce, Closed }

/// <summary>契约化共建: a project or a year's co-building commitment signed as an agreement, with obligations per party.</summary>
public class Agreement : Entity, IOrgScoped, IVersioned
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public AgreementKind Kind { get; set; }
    public Guid? ProjectId { get; set; }
    public int Year { get; set; }
    public DateOnly SignedOn { get; set; }
    public AgreementStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? CloseReason { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// What one party promised under an agreement (a partner unit; none: the community itself), and its fulfilment: when, what was
/// done, photos in the file store, and the community's rating (1–5).
/// </summary>
public class Obligation : Entity, IOrgScoped, IVersioned
{
    public Guid AgreementId { get; set; }
    public Guid? PartnerUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Content { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? FulfilledOn { get; set; }
    public string? FulfilmentNote { get; set; }
    public string? ReportedBy { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public string? RatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The annual review (年度履约评议) of one partner unit for one year: its obligations due that year, how many it fulfilled, the
/// community's average rating and the score. <see cref="OrgPath"/> is the unit's, so the figure adds up where it is stationed.
/// </summary>
public class UnitReview : Entity, IOrgScoped
{
    public Guid PartnerUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public int Year { get; set; }
    public int Due { get; set; }
    public int Fulfilled { get; set; }
    public decimal? AverageRating { get; set; }
    public decimal Score { get; set; }
    public DateTime ReviewedAt { get; set; }
    public string ReviewedBy { get; set; } = "";
}
