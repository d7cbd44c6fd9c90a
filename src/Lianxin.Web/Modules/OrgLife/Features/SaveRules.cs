using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public class RuleInput
{
    public BranchKind UnitKind { get; set; }
    public MeetingKind Kind { get; set; }
    /// <summary>1, 3, 6 or 12; 0 when this kind of unit need not hold this kind of meeting.</summary>
    public int PeriodMonths { get; set; }
    public int MinCount { get; set; } = 1;
}

public class RulesInput
{
    public List<RuleInput> Rules { get; set; } = [];
    public int LateEntryDays { get; set; } = RuleBook.DefaultLateEntryDays;
    /// <summary>The 主题党日 fixed items, one per line.</summary>
    public string PartyDayItems { get; set; } = "";
}

/// <summary>The district sets how often each kind of unit holds each kind of meeting; the rules it saves replace the defaults whole.</summary>
public static class SaveRules
{
    public static async Task<Outcome<RulesView>> HandleAsync(LianxinDb db, RulesInput r, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.Rules)) return Failure.Forbidden;
        var e = new Errors();
        for (var i = 0; i < r.Rules.Count; i++)
        {
            var rule = r.Rules[i];
            var label = $"{rule.UnitKind.Chinese()}的{rule.Kind.Chinese()}";
            if (!RuleBook.UnitKinds.Contains(rule.UnitKind) || !Enum.IsDefined(rule.Kind)) e.Fail($"Rules[{i}]", "请选择单位类型和会议类型。");
            else if (rule.PeriodMonths != 0 && !RuleBook.Periods.Contains(rule.PeriodMonths)) e.Fail($"Rules[{i}].PeriodMonths", $"{label}的周期只能是每月、每季度、每半年或每年。");
            else if (rule.PeriodMonths != 0 && rule.MinCount is < 1 or > 31) e.Fail($"Rules[{i}].MinCount", $"{label}每个周期的次数须在 1–31 之间。");
        }
        if (r.Rules.GroupBy(x => (x.UnitKind, x.Kind)).Any(g => g.Count() > 1)) e.Fail(nameof(r.Rules), "同一类单位的同一种会议只能设置一条规则。");
        if (r.LateEntryDays is < 0 or > 365) e.Fail(nameof(r.LateEntryDays), "补录期限须在 0–365 天之间。");
        var items = RuleBook.Lines(r.PartyDayItems);
        if (items.Count == 0) e.Fail(nameof(r.PartyDayItems), "请至少填写一项主题党日规定动作。");
        if (items.Count > 10 || items.Any(x => x.Length > 40)) e.Fail(nameof(r.PartyDayItems), "规定动作最多 10 项，每项不超过 40 个字。");
        if (e.Any) return Failure.Invalid(e);

        db.MeetingRules.RemoveRange(await db.MeetingRules.ToListAsync(ct));
        // A kind not required is kept as a row of its own, so that a district requiring nothing does not fall back to the defaults.
        db.MeetingRules.AddRange(r.Rules.Select(x => new MeetingRule
            { UnitKind = x.UnitKind, Kind = x.Kind, PeriodMonths = x.PeriodMonths, MinCount = x.PeriodMonths == 0 ? 0 : x.MinCount }));
        var settings = await db.OrgLifeSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.OrgLifeSettings.Add(settings = new OrgLifeSettings());
        settings.LateEntryDays = r.LateEntryDays;
        settings.PartyDayItems = string.Join('\n', items);
        await db.SaveChangesAsync(ct);
        return await GetRules.HandleAsync(db, ct);
    }
}
