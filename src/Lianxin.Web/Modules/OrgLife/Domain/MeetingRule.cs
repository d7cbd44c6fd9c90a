using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Domain;

/// <summary>
/// How often a kind of unit must hold a kind of meeting: at least <see cref="MinCount"/> in every calendar period of
/// <see cref="PeriodMonths"/> months (1 a month, 3 a quarter, 6 a half-year, 12 a year). A district that has saved no
/// rules works by <see cref="RuleBook.Defaults"/>.
/// </summary>
public class MeetingRule : Entity
{
    public BranchKind UnitKind { get; set; }
    public MeetingKind Kind { get; set; }
    public int PeriodMonths { get; set; }
    public int MinCount { get; set; }
}

/// <summary>The district's other settings: how many days after a meeting it may still be entered without approval, and the 主题党日 fixed items.</summary>
public class OrgLifeSettings : Entity
{
    public int LateEntryDays { get; set; }
    /// <summary>The fixed items of 主题党日 "4+N", one per line.</summary>
    public string PartyDayItems { get; set; } = "";
}

public static class RuleBook
{
    public static readonly int[] Periods = [1, 3, 6, 12];
    public const int DefaultLateEntryDays = 7;
    public static readonly IReadOnlyList<string> DefaultPartyDayItems = ["重温入党誓词", "集中学习", "交纳党费", "志愿服务"];

    /// <summary>The kinds of unit rules are set for: every kind of branch.</summary>
    public static readonly BranchKind[] UnitKinds = [BranchKind.Grid, BranchKind.Compound, BranchKind.Building, BranchKind.Enterprise, BranchKind.SocialOrganization, BranchKind.Agency];

    /// <summary>
    /// The party branch work regulations' defaults (《中国共产党支部工作条例（试行）》): 党员大会 once a quarter, 支部委员会 and
    /// 党小组会 monthly, 党课 at least once a quarter, 主题党日 monthly, 组织生活会 and 民主评议党员 once a year.
    /// </summary>
    public static IReadOnlyList<(MeetingKind Kind, int PeriodMonths, int MinCount)> DefaultsPerUnit { get; } =
    [
        (MeetingKind.BranchAssembly, 3, 1), (MeetingKind.BranchCommittee, 1, 1), (MeetingKind.GroupMeeting, 1, 1), (MeetingKind.PartyLecture, 3, 1),
        (MeetingKind.PartyDay, 1, 1), (MeetingKind.LifeMeeting, 12, 1), (MeetingKind.MemberAppraisal, 12, 1),
    ];

    public static List<MeetingRule> Defaults() =>
        UnitKinds.SelectMany(u => DefaultsPerUnit.Select(d => new MeetingRule { UnitKind = u, Kind = d.Kind, PeriodMonths = d.PeriodMonths, MinCount = d.MinCount })).ToList();

    public static string PeriodName(int months) => months switch { 0 => "不作要求", 1 => "每月", 3 => "每季度", 6 => "每半年", 12 => "每年", _ => $"每 {months} 个月" };

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
