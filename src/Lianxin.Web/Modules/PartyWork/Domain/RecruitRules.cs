namespace Lianxin.Web.Modules.PartyWork.Domain;

/// <summary>The procedure as rules over the configured steps: order, minimum intervals, what falls due next.</summary>
public static class RecruitRules
{
    public const string Apply = "apply", Activist = "activist", Approve = "approve", Confirm = "confirm", Admit = "admit";
    /// <summary>Not steps of the list: decisions at the end of probation (延长预备期, 取消预备党员资格).</summary>
    public const string Extend = "extend", Cancel = "cancel";

    /// <summary>The published procedure, seeded into a district the first time its pipeline is used.</summary>
    public static IReadOnlyList<RecruitStep> Defaults() =>
    [
        Step(1, Apply, "递交入党申请书", RecruitStage.Applicant),
        Step(2, "talk", "党组织派人谈话", RecruitStage.Applicant, due: 1, rule: "收到入党申请书后一个月内派人谈话"),
        Step(3, Activist, "确定为入党积极分子", RecruitStage.Activist),
        Step(4, "candidate", "列为发展对象", RecruitStage.Candidate, min: 12, rule: "入党积极分子经过一年以上培养教育和考察方可列为发展对象"),
        Step(5, "review", "政治审查", RecruitStage.Candidate),
        Step(6, "training", "集中培训", RecruitStage.Candidate),
        Step(7, "publicity", "公示", RecruitStage.Candidate),
        Step(8, Admit, "支部大会讨论接收为预备党员", RecruitStage.Candidate),
        Step(9, Approve, "上级党委审批", RecruitStage.Probationary, due: 3, rule: "上级党委应在支部大会通过后三个月内审批"),
        Step(10, "oath", "入党宣誓", RecruitStage.Probationary),
        Step(11, Confirm, "预备党员转正", RecruitStage.Full, after: Admit, min: 12, rule: "预备期为一年，自支部大会通过之日算起，期满方可转正"),
    ];

    static RecruitStep Step(int seq, string code, string name, RecruitStage stage, string? after = null, int min = 0, int? due = null, string? rule = null) =>
        new() { Seq = seq, Code = code, Name = name, Stage = stage, AfterCode = after, MinMonths = min, DueMonths = due, RuleName = rule };

    /// <summary>The step after <paramref name="current"/> in the list, or null at the end.</summary>
    public static RecruitStep? NextOf(IReadOnlyList<RecruitStep> steps, string current) =>
        steps.OrderBy(s => s.Seq).SkipWhile(s => s.Code != current).Skip(1).FirstOrDefault();

    /// <summary>The earliest day <paramref name="step"/> may be taken given the dates already recorded (null: no minimum).</summary>
    public static DateOnly? EarliestOn(RecruitStep step, IReadOnlyDictionary<string, DateOnly> done, string previous, int extendedMonths)
    {
        var from = done.GetValueOrDefault(step.AfterCode ?? previous);
        var months = step.MinMonths + (step.Code == Confirm ? extendedMonths : 0);
        return months == 0 || from == default ? null : from.AddMonths(months);
    }

    /// <summary>Why <paramref name="code"/> may not be recorded on <paramref name="on"/> (in Chinese, naming the rule), or null.</summary>
    public static string? Refusal(IReadOnlyList<RecruitStep> steps, Recruit r, IReadOnlyDictionary<string, DateOnly> done, string code, DateOnly on)
    {
        if (r.State != RecruitState.Active) return "该发展对象的发展程序已结束。";
        if (on < r.StepOn) return $"日期不能早于上一步（{r.StepOn:yyyy-MM-dd}）。";
        if (code is Extend or Cancel)
        {
            if (r.Stage != RecruitStage.Probationary) return "只有预备党员才能延长预备期或取消预备党员资格。";
            if (code == Extend && r.ExtendedMonths > 0) return "预备期只能延长一次（《中国共产党章程》第七条）。";
            if (code == Extend && done.TryGetValue(Admit, out var admitted) && on < admitted.AddMonths(12))
                return $"预备期满时方可决定延长预备期（最早 {admitted.AddMonths(12):yyyy-MM-dd}）。";
            return null;
        }
        var next = NextOf(steps, r.StepCode);
        var step = steps.FirstOrDefault(s => s.Code == code);
        if (step is null) return "没有这个步骤。";
        if (next is null || next.Code != code)
            return next is null ? "发展程序已到最后一步。" : $"不符合发展程序的先后顺序：下一步应为“{next.Name}”，不能办理“{step.Name}”。";
        if (EarliestOn(step, done, r.StepCode, r.ExtendedMonths) is { } earliest && on < earliest)
            return $"不符合“{step.RuleName ?? step.Name}”的规定：最早可于 {earliest:yyyy-MM-dd} 办理“{step.Name}”。";
        return null;
    }

    /// <summary>The next step and when it falls due: its deadline when it has one, else the day its minimum is reached.</summary>
    public static (string? Code, DateOnly? DueOn) Due(IReadOnlyList<RecruitStep> steps, Recruit r, IReadOnlyDictionary<string, DateOnly> done)
    {
        if (r.State != RecruitState.Active || NextOf(steps, r.StepCode) is not { } next) return (null, null);
        var from = done.GetValueOrDefault(next.AfterCode ?? r.StepCode);
        if (next.DueMonths is { } due) return (next.Code, from.AddMonths(due));
        return (next.Code, EarliestOn(next, done, r.StepCode, r.ExtendedMonths));
    }

    /// <summary>A deadline passed (a minimum reached is due, not overdue).</summary>
    public static bool Overdue(IReadOnlyList<RecruitStep> steps, Recruit r, DateOnly today) =>
        r.NextDueOn is { } d && d < today && steps.FirstOrDefault(s => s.Code == r.NextCode)?.DueMonths is not null;

    public static string Chinese(this RecruitStage s) => s switch
    {
        RecruitStage.Applicant => "入党申请人",
        RecruitStage.Activist => "入党积极分子",
        RecruitStage.Candidate => "发展对象",
        RecruitStage.Probationary => "预备党员",
        RecruitStage.Full => "正式党员",
        _ => s.ToString(),
    };

    public static string Chinese(this RecruitState s) => s switch
    {
        RecruitState.Active => "发展中",
        RecruitState.Confirmed => "已转正",
        RecruitState.Cancelled => "已取消资格",
        _ => s.ToString(),
    };
}
