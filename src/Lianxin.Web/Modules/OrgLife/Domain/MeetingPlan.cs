using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Domain;

/// <summary>A branch's plan of the year's meetings; reminders go out <see cref="RemindDaysAhead"/> days before each one.</summary>
public class MeetingPlan : Entity, IOrgScoped, IVersioned
{
    public Guid BranchId { get; set; }
    public string OrgPath { get; set; } = "";
    public int Year { get; set; }
    public int RemindDaysAhead { get; set; }
    /// <summary>The day of the month the branch holds 主题党日 (固定党日).</summary>
    public int PartyDayOfMonth { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A planned meeting; the reminder job stamps when it reminded and when it reported the meeting overdue, so each is sent once.</summary>
public class PlannedMeeting : Entity, IOrgScoped
{
    public Guid PlanId { get; set; }
    public Guid BranchId { get; set; }
    public string OrgPath { get; set; } = "";
    public MeetingKind Kind { get; set; }
    public DateOnly PlannedOn { get; set; }
    public string? Topic { get; set; }
    public DateTime? RemindedAt { get; set; }
    public DateTime? OverdueNoticeAt { get; set; }
}

public static class PlanDraft
{
    public const int DefaultRemindDaysAhead = 3, DefaultPartyDay = 15;

    /// <summary>
    /// A draft of the year from the rules for the branch's kind: each rule's minimum in each of its periods. 主题党日 falls on
    /// the fixed day of every month; a meeting held once a period goes in the period's last month (党员大会 and 党课 with that
    /// month's 主题党日, 组织生活会 and 民主评议 at the year's end), several in a period are spread over its months;
    /// 支部委员会 meets a week before the 主题党日 to prepare it, 党小组会 a week after.
    /// </summary>
    public static List<(MeetingKind Kind, DateOnly On)> Generate(IEnumerable<MeetingRule> rules, BranchKind unitKind, int year, int partyDay)
    {
        var list = new List<(MeetingKind, DateOnly)>();
        foreach (var rule in rules.Where(r => r.UnitKind == unitKind && r.PeriodMonths > 0 && r.MinCount > 0).OrderBy(r => r.Kind))
            for (var start = 1; start <= 12; start += rule.PeriodMonths)
                for (var i = 0; i < rule.MinCount; i++)
                {
                    // One in the period: its last month; several: evenly over the period's months.
                    var month = rule.MinCount == 1 ? start + rule.PeriodMonths - 1 : start + i * rule.PeriodMonths / rule.MinCount;
                    list.Add((rule.Kind, Day(year, Math.Min(month, 12), rule.Kind, partyDay, rule.PeriodMonths)));
                }
        return list.OrderBy(x => x.Item2).ThenBy(x => x.Item1).ToList();
    }

    static DateOnly Day(int year, int month, MeetingKind kind, int partyDay, int periodMonths)
    {
        var fixedDay = new DateOnly(year, month, Math.Min(partyDay, DateTime.DaysInMonth(year, month)));
        var day = kind switch
        {
            MeetingKind.BranchCommittee => fixedDay.AddDays(-7),
            MeetingKind.GroupMeeting => fixedDay.AddDays(7),
            MeetingKind.LifeMeeting when periodMonths == 12 => new DateOnly(year, 12, 20),
            MeetingKind.MemberAppraisal when periodMonths == 12 => new DateOnly(year, 12, 25),
            _ => fixedDay,
        };
        // Kept within its month so it counts in the period the rule looks at.
        return day.Month != month ? fixedDay : day;
    }
}
