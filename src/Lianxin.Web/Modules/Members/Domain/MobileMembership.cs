using Lianxin.Web.Platform.Localization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Domain;

/// <summary>
/// 流动党员: a span of time a member works away, where (city, workplace), the mobile-member branch (流动党员党支部) whose org life
/// they take part in meanwhile, a contact phone (encrypted like ID numbers: it is often a number in another city the roster does
/// not hold) and how they take part. Ending it keeps the row (history); a member has at most one open span. <see cref="OrgPath"/>
/// is the home branch holding the membership, so its secretary sees the span; the mobile branch sees it through <see cref="MobileBranchPath"/>.
/// </summary>
public class MobileMembership : Entity, IOrgScoped, IVersioned
{
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public string OrgPath { get; set; } = "";
    public string City { get; set; } = "";
    public string? Workplace { get; set; }
    public Guid MobileBranchId { get; set; }
    public string MobileBranchPath { get; set; } = "";
    /// <summary>AES-GCM (Platform.Privacy.PersonalData); shown masked except to roles with MemberPersonalData.</summary>
    public string? ContactPhoneCipher { get; set; }
    /// <summary>How they take part: 线上参加组织生活, 定期书面汇报 (either or both).</summary>
    public bool OnlineMeetings { get; set; }
    public bool Reports { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>The first day back: the member counts at the mobile branch on days before it.</summary>
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    /// <summary>The employment the roster showed before, given back when the span ends.</summary>
    public Employment PreviousEmployment { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public int Version { get; set; }
}

public static class MobileNames
{
    /// <summary>In the reader's language: shown on pages and in the API's answers alike.</summary>
    public static string Participation(bool onlineMeetings, bool reports) =>
        string.Join(Text.Of("、"), new[] { onlineMeetings ? Text.Of("线上参加组织生活") : null, reports ? Text.Of("定期汇报思想和工作") : null }.OfType<string>()) is { Length: > 0 } s ? s : "—";
}
