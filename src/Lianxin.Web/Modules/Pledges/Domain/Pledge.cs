using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Pledges.Domain;

/// <summary>Who made the promise (source 001: matters pledged by leaders, by branches, by members).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PledgeOwner>))]
public enum PledgeOwner { Leader, Branch, Member }

/// <summary>Draft: proposed by another module (a settled motion), not yet on the public board until staff publish it.
/// Submitted: a member's own pledge (党员承诺) waiting for the branch secretary; Returned: sent back with a reason, to edit and resubmit.
/// Only Open and Closed pledges are public and counted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PledgeState>))]
public enum PledgeState { Open, Closed, Draft, Submitted, Returned }

/// <summary>How the public board colours a pledge.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PledgeStatus>))]
public enum PledgeStatus { OnTrack, Late, Done }

/// <summary>
/// A practical matter promised to residents (我为群众办实事): the responsible person and unit (责任清单),
/// its tasks (任务清单) and dated progress (进度清单). <see cref="OrgPath"/> is the responsible unit's path.
/// </summary>
public class Pledge : Entity, IOrgScoped, IVersioned
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public PledgeOwner Owner { get; set; }
    public string ResponsiblePerson { get; set; } = "";
    public string ResponsibleUnit { get; set; } = "";
    public DateOnly StartOn { get; set; }
    public DateOnly DueOn { get; set; }
    public int Progress { get; set; }
    public PledgeState State { get; set; }
    public DateOnly? DoneOn { get; set; }
    /// <summary>How the residents confirmed the matter was done (a meeting, a survey, signatures).</summary>
    public string? Confirmation { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The member whose own pledge this is (党员承诺, entered from their own page); null for pledges staff enter.</summary>
    public Guid? MemberId { get; set; }
    /// <summary>The account that submitted a member's own pledge: it is told of the decision and may not approve it.</summary>
    public Guid? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>Who approved or returned a member's pledge, and when.</summary>
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>Why the secretary returned it (shown to the member until resubmitted).</summary>
    public string? ReturnReason { get; set; }
}

public class PledgeTask : Entity, IOrgScoped
{
    public Guid PledgeId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public int SortOrder { get; set; }
}

public class PledgeUpdate : Entity, IOrgScoped
{
    public Guid PledgeId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly On { get; set; }
    public int Percent { get; set; }
    public string Note { get; set; } = "";
    public DateTime At { get; set; }
    public string ActorName { get; set; } = "";
}

/// <summary>A pledge that grew out of residents' demands.</summary>
public class PledgeDemand : Entity, IOrgScoped
{
    public Guid PledgeId { get; set; }
    public Guid DemandId { get; set; }
    public string OrgPath { get; set; } = "";
}

public static class PledgeRules
{
    public static string Chinese(this PledgeOwner o) => o switch
    {
        PledgeOwner.Leader => "班子成员", PledgeOwner.Branch => "党组织", PledgeOwner.Member => "党员", _ => o.ToString(),
    };

    public static string Chinese(this PledgeState s) => s switch
    {
        PledgeState.Open => "推进中", PledgeState.Closed => "已办结", PledgeState.Draft => "草稿",
        PledgeState.Submitted => "待支部审核", PledgeState.Returned => "已退回", _ => s.ToString(),
    };

    /// <summary>On the public board and in the counts: published and not waiting for (or sent back by) a secretary.</summary>
    public static bool IsPublic(PledgeState s) => s is PledgeState.Open or PledgeState.Closed;

    public static string Chinese(this PledgeStatus s) => s switch
    {
        PledgeStatus.OnTrack => "按期推进", PledgeStatus.Late => "滞后", PledgeStatus.Done => "已完成", _ => s.ToString(),
    };

    /// <summary>The colour a status is shown in (a Bootstrap suffix: <c>text-bg-…</c>, <c>bg-…</c>): only late is red.</summary>
    public static string Tone(this PledgeStatus s) => s switch
    {
        PledgeStatus.Done => "success", PledgeStatus.Late => "danger", _ => "blue",
    };

    /// <summary>Done when closed or at 100%; late when past its deadline or with an open task past its own; otherwise on track.</summary>
    public static PledgeStatus Status(PledgeState state, int progress, DateOnly dueOn, IEnumerable<(DateOnly Due, DateOnly? Done)> tasks, DateOnly today)
    {
        if (state == PledgeState.Closed || progress >= 100) return PledgeStatus.Done;
        if (today > dueOn) return PledgeStatus.Late;
        return tasks.Any(t => t.Done is null && today > t.Due) ? PledgeStatus.Late : PledgeStatus.OnTrack;
    }

    /// <summary>Why a progress update is refused, or null: progress never goes back, stays within 0–100, is not dated in the future.</summary>
    public static string? CheckProgress(int current, int next, DateOnly on, DateOnly today, DateOnly startOn)
    {
        if (next is < 0 or > 100) return "进度须在 0–100 之间。";
        if (next < current) return $"进度不能低于当前的 {current}%。";
        if (on > today) return "进度日期不能晚于今天。";
        if (on < startOn) return "进度日期不能早于开始日期。";
        return null;
    }

    /// <summary>
    /// Pledged, done and done on time per owner class (source 001: "班子成员完成清单19个，党员完成清单1200余个"), always the three
    /// classes in the order 班子成员, 党组织, 党员, a class without pledges with zeros.
    /// </summary>
    public static IReadOnlyList<(PledgeOwner Owner, int Pledged, int Done, int OnTime)> CountByOwner(IEnumerable<(PledgeOwner Owner, DateOnly Due, DateOnly? Done)> pledges)
    {
        var byOwner = pledges.ToLookup(p => p.Owner);
        return Enum.GetValues<PledgeOwner>().Select(o =>
        {
            var (p, d, t) = Count(byOwner[o].Select(x => (x.Due, x.Done)));
            return (o, p, d, t);
        }).ToList();
    }

    /// <summary>Counts of a period: pledged, done, done on time (done on or before the deadline).</summary>
    public static (int Pledged, int Done, int OnTime) Count(IEnumerable<(DateOnly Due, DateOnly? Done)> pledges)
    {
        int p = 0, d = 0, o = 0;
        foreach (var x in pledges)
        {
            p++;
            if (x.Done is { } done) { d++; if (done <= x.Due) o++; }
        }
        return (p, d, o);
    }
}

/// <summary>Text on the anonymous board: a mobile or ID number typed into a title, task or progress note is masked, a member's name too.</summary>
public static class PublicText
{
    /// <summary>The board is public: phones, ID numbers and emails typed into the text are masked (Platform.Privacy.FreeText, ADR 0030).</summary>
    public static string Of(string text) => Platform.Privacy.FreeText.Public(text);

    public static string? OrNull(string? text) => text is null ? null : Of(text);

    /// <summary>李**, 党员 王**: a member is a private person on the board, unlike the officials who answer for the other pledges;
    /// a title before the name ("党员 ") stays.</summary>
    public static string Name(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? Platform.Privacy.Mask.Other(trimmed) : trimmed[..(space + 1)] + Platform.Privacy.Mask.Other(trimmed[(space + 1)..]);
    }
}
