using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Demands.Domain;

// Enums travel as names in JSON: clients read them and a reordering cannot shift meanings.

/// <summary>
/// The level handling a demand: up the tree, then out to departments (街乡吹哨、部门报到). Compound: the compound's own
/// branch after 拆—转—建, which hangs under the community (stored by name, so the order here is only the order up).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DemandLevel>))]
public enum DemandLevel { Compound, Grid, Community, Street }

/// <summary>
/// Where a demand stands. Submitted: waiting for the current level to accept. Accepted: being handled.
/// Dispatched: the street blew the whistle and departments work on it. Resolved: outcome recorded,
/// waiting for the resident's rating. Closed: rated (or closed without rating). Rejected: returned to the
/// resident with a reason at the lowest level. Merged: a duplicate of another demand.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DemandState>))]
public enum DemandState { Submitted, Accepted, Dispatched, Resolved, Closed, Rejected, Merged }

[JsonConverter(typeof(JsonStringEnumConverter<DemandAction>))]
public enum DemandAction { Submit, Accept, Resolve, Return, Escalate, Dispatch, DepartmentAccept, DepartmentReport, DepartmentReturn, Rate, Reopen, AutoEscalate, Overdue, Merge, Note }

[JsonConverter(typeof(JsonStringEnumConverter<Satisfaction>))]
public enum Satisfaction { Satisfied, BasicallySatisfied, Unsatisfied }

[JsonConverter(typeof(JsonStringEnumConverter<DispatchState>))]
public enum DispatchState { Pending, Accepted, Reported, Returned }

[JsonConverter(typeof(JsonStringEnumConverter<DemandSource>))]
public enum DemandSource { Public, Phone, Visit, Staff, Campaign }

[JsonConverter(typeof(JsonStringEnumConverter<ServiceMode>))]
public enum ServiceMode { None, OnBehalf, Assisted, Accompanied, Appointment }

public static class DemandNames
{
    public static string Chinese(this DemandLevel l) => l switch
    {
        DemandLevel.Compound => "小区", DemandLevel.Grid => "网格", DemandLevel.Community => "社区", DemandLevel.Street => "街道", _ => l.ToString(),
    };

    public static string Chinese(this DemandState s) => s switch
    {
        DemandState.Submitted => "待受理", DemandState.Accepted => "办理中", DemandState.Dispatched => "部门办理中",
        DemandState.Resolved => "已办结待评价", DemandState.Closed => "已办结", DemandState.Rejected => "已退回",
        DemandState.Merged => "已合并", _ => s.ToString(),
    };

    /// <summary>
    /// The colour a state is shown in (a Bootstrap suffix: <c>text-bg-…</c>). Red is kept for what is late (超时),
    /// so no state is red: waiting amber, in progress blue, resolved-awaiting-rating info, closed green.
    /// </summary>
    public static string Tone(this DemandState s) => s switch
    {
        DemandState.Submitted => "warning", DemandState.Accepted or DemandState.Dispatched => "blue",
        DemandState.Resolved => "info", DemandState.Closed => "success", _ => "secondary",
    };

    public static string Chinese(this DemandAction a) => a switch
    {
        DemandAction.Submit => "提交诉求", DemandAction.Accept => "受理", DemandAction.Resolve => "办结",
        DemandAction.Return => "退回", DemandAction.Escalate => "上报", DemandAction.Dispatch => "吹哨派单",
        DemandAction.DepartmentAccept => "部门受理", DemandAction.DepartmentReport => "部门报到反馈",
        DemandAction.DepartmentReturn => "部门退回", DemandAction.Rate => "居民评价", DemandAction.Reopen => "重新办理",
        DemandAction.AutoEscalate => "超时自动上报", DemandAction.Overdue => "超时预警", DemandAction.Merge => "合并重复诉求",
        DemandAction.Note => "备注", _ => a.ToString(),
    };

    public static string Chinese(this Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "满意", Satisfaction.BasicallySatisfied => "基本满意", Satisfaction.Unsatisfied => "不满意", _ => s.ToString(),
    };

    public static string Chinese(this DispatchState s) => s switch
    {
        DispatchState.Pending => "待部门受理", DispatchState.Accepted => "部门办理中", DispatchState.Reported => "已报到反馈",
        DispatchState.Returned => "部门已退回", _ => s.ToString(),
    };

    public static string Chinese(this DemandSource s) => s switch
    {
        DemandSource.Public => "居民网上提交", DemandSource.Phone => "电话", DemandSource.Visit => "入户走访", DemandSource.Staff => "工作人员登记", DemandSource.Campaign => "专项行动检查", _ => s.ToString(),
    };

    public static string Chinese(this ServiceMode m) => m switch
    {
        ServiceMode.OnBehalf => "代办", ServiceMode.Assisted => "帮办", ServiceMode.Accompanied => "陪办",
        ServiceMode.Appointment => "预约办", _ => "—",
    };
}

/// <summary>Which handler actions each state allows, and where the level goes.</summary>
public static class DemandRules
{
    /// <summary>Actions a handler at the current level may take (the buttons a detail page shows).</summary>
    public static IReadOnlyList<DemandAction> Allowed(DemandState state, DemandLevel level) => state switch
    {
        DemandState.Submitted => level == DemandLevel.Street
            ? [DemandAction.Accept, DemandAction.Return, DemandAction.Dispatch, DemandAction.Merge]
            : [DemandAction.Accept, DemandAction.Return, DemandAction.Escalate, DemandAction.Merge],
        DemandState.Accepted => level == DemandLevel.Street
            ? [DemandAction.Resolve, DemandAction.Return, DemandAction.Dispatch]
            : [DemandAction.Resolve, DemandAction.Return, DemandAction.Escalate],
        _ => [],
    };

    public static bool IsAllowed(DemandState state, DemandLevel level, DemandAction action) => Allowed(state, level).Contains(action);

    /// <summary>Why an action is not possible now, in Chinese, or null when it is.</summary>
    public static string? Check(DemandState state, DemandLevel level, DemandAction action) =>
        IsAllowed(state, level, action) ? null : $"诉求当前为“{state.Chinese()}”（{level.Chinese()}级），不能执行“{action.Chinese()}”。";

    /// <summary>A compound's own branch, like a grid branch, hangs under the community: both go up to it.</summary>
    public static DemandLevel? Above(DemandLevel level) => level switch
    {
        DemandLevel.Compound or DemandLevel.Grid => DemandLevel.Community,
        DemandLevel.Community => DemandLevel.Street,
        _ => null,
    };

    /// <summary>
    /// A returned demand goes back one level (with the reason) down to <paramref name="lowest"/>, the first level of its
    /// place (compound branch, grid or community); there it goes back to the resident.
    /// </summary>
    public static (DemandState State, DemandLevel Level) AfterReturn(DemandLevel level, DemandLevel lowest) => level switch
    {
        DemandLevel.Street => (DemandState.Submitted, DemandLevel.Community),
        DemandLevel.Community when lowest != DemandLevel.Community => (DemandState.Submitted, lowest),
        _ => (DemandState.Rejected, level),
    };

    /// <summary>After every dispatch has answered, the street takes the demand back to close it.</summary>
    public static bool AllDispatchesAnswered(IEnumerable<DispatchState> dispatches) =>
        dispatches.Any() && dispatches.All(d => d is DispatchState.Reported or DispatchState.Returned);

    /// <summary>An unsatisfied rating reopens the demand up to the street's limit; after that the rating stands and it closes.</summary>
    public static bool Reopens(Satisfaction rating, int reopenCount, int maxReopens) => rating == Satisfaction.Unsatisfied && reopenCount < maxReopens;

    public static string? CheckDispatch(DispatchState state, DemandAction action) => (state, action) switch
    {
        (DispatchState.Pending, DemandAction.DepartmentAccept) => null,
        (DispatchState.Pending or DispatchState.Accepted, DemandAction.DepartmentReport) => null,
        (DispatchState.Pending or DispatchState.Accepted, DemandAction.DepartmentReturn) => null,
        _ => $"派单当前为“{state.Chinese()}”，不能执行“{action.Chinese()}”。",
    };
}

/// <summary>Time limits of a category at a level: hours to respond (accept), working days to resolve.</summary>
public record TimeLimit(double ResponseHours, int ResolveDays)
{
    /// <summary>
    /// The category sets the limits at its default level; each level above adds the street's extra days (it sees harder
    /// cases), a department dispatch gets the street's limits again.
    /// </summary>
    public static TimeLimit For(double responseHours, int resolveDays, DemandLevel defaultLevel, DemandLevel level, int extraDaysPerLevel)
    {
        var steps = Math.Max(0, (int)level - (int)defaultLevel);
        return new TimeLimit(responseHours, resolveDays + extraDaysPerLevel * steps);
    }
}

/// <summary>Is a demand late, and what does the rule do about it.</summary>
public static class Overdue
{
    public static bool ResponseLate(DemandState state, DateTime? responseDue, DateTime now) =>
        state == DemandState.Submitted && responseDue is { } due && now > due;

    public static bool ResolutionLate(DemandState state, DateTime? resolveDue, DateTime now) =>
        state is DemandState.Submitted or DemandState.Accepted or DemandState.Dispatched && resolveDue is { } due && now > due;

    /// <summary>A late demand below the street goes up one level by itself; at the street it is flagged only.</summary>
    public static DemandLevel? EscalateTo(DemandState state, DemandLevel level, DateTime? responseDue, DateTime? resolveDue, DateTime now) =>
        state != DemandState.Dispatched && (ResponseLate(state, responseDue, now) || ResolutionLate(state, resolveDue, now))
            ? DemandRules.Above(level)
            : null;
}

/// <summary>
/// Satisfaction figures: rate = (满意 + 基本满意) / rated; score weighs 满意 and 基本满意 by the street's points
/// (100 and 80 unless it set others), 不满意 0.
/// </summary>
public record SatisfactionFigures(int Satisfied, int Basically, int Unsatisfied)
{
    public int SatisfiedWeight { get; init; } = DemandStreetSettings.DefaultSatisfiedWeight;
    public int BasicallyWeight { get; init; } = DemandStreetSettings.DefaultBasicallySatisfiedWeight;
    public int Rated => Satisfied + Basically + Unsatisfied;
    public double? Rate => Rated == 0 ? null : Math.Round((Satisfied + Basically) * 100.0 / Rated, 1);
    public double? Score => Rated == 0 ? null : Math.Round((Satisfied * (double)SatisfiedWeight + Basically * (double)BasicallyWeight) / Rated, 1);

    public static SatisfactionFigures Of(IEnumerable<Satisfaction> ratings)
    {
        int s = 0, b = 0, u = 0;
        foreach (var r in ratings)
            switch (r)
            {
                case Satisfaction.Satisfied: s++; break;
                case Satisfaction.BasicallySatisfied: b++; break;
                default: u++; break;
            }
        return new(s, b, u);
    }
}

/// <summary>Ticket numbers residents can read out on the phone: date plus six characters without look-alikes.</summary>
public static class Ticket
{
    const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>
    /// The text when it could be a whole ticket number (letters and digits, 10 to 20 characters, at least one digit; the column
    /// holds at most 20), else null. Tickets are made by <see cref="New"/>; older and imported ones may be shaped otherwise.
    /// </summary>
    public static string? Shaped(string upper) =>
        upper.Length is >= 10 and <= 20 && upper.All(char.IsAsciiLetterOrDigit) && upper.Any(char.IsAsciiDigit) ? upper : null;

    public static string New(DateTime utc)
    {
        var local = ChinaTime.ToBeijing(utc);
        Span<char> tail = stackalloc char[6];
        for (var i = 0; i < tail.Length; i++) tail[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"SQ{local:yyyyMMdd}{tail}";
    }
}
