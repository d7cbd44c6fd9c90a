using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ReporterKind>))]
public enum ReporterKind { Member, Unit }
[JsonConverter(typeof(JsonStringEnumConverter<DualReportStatus>))]
public enum DualReportStatus { Reported, Active, Withdrawn }

/// <summary>
/// 双报到: a member whose membership sits with a workplace organisation, or a partner unit, reports to the
/// community where they live or serve. <see cref="OrgPath"/> is the community's, so the community sees it
/// even when the member's own row is outside its scope.
/// </summary>
public class DualReport : Entity, IOrgScoped, IVersioned
{
    public ReporterKind Kind { get; set; }
    public Guid? MemberId { get; set; }
    /// <summary>A unit's record in the co-building registry (共建单位); null for members, and for units reported as free text before the link existed (未关联).</summary>
    public Guid? PartnerUnitId { get; set; }
    /// <summary>The member's name or the unit's name, kept so the community can read it without the member's row.</summary>
    public string Name { get; set; } = "";
    /// <summary>Workplace organisation of a member (who receives the 双报告).</summary>
    public string? Workplace { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly ReportedOn { get; set; }
    public string? Skills { get; set; }
    public string? Availability { get; set; }
    /// <summary>Post kinds the member would take on (free text, e.g. 楼栋长、志愿岗).</summary>
    public string? PostsWanted { get; set; }
    public string? Liaison { get; set; }
    /// <summary>The unit liaison's phone, AES-GCM encrypted (ADR 0030); kept for the community to call, not shown in lists.</summary>
    public string? LiaisonPhoneCipher { get; set; }
    public string? Offers { get; set; }
    public DualReportStatus Status { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public int Version { get; set; }

    public static string Chinese(DualReportStatus s) => s switch
    {
        DualReportStatus.Reported => "已报到",
        DualReportStatus.Active => "在岗服务",
        DualReportStatus.Withdrawn => "已撤回",
        _ => s.ToString(),
    };
}
