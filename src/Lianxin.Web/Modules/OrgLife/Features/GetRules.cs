using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record RuleRow(BranchKind UnitKind, string UnitKindName, MeetingKind Kind, string KindName, int PeriodMonths, string PeriodName, int MinCount);

public record RulesView(IReadOnlyList<RuleRow> Rules, int LateEntryDays, IReadOnlyList<string> PartyDayItems, bool Defaults, bool CanEdit);

/// <summary>The district's organisational-life rules, or the regulations' defaults while it has saved none.</summary>
public static class GetRules
{
    public static async Task<Outcome<RulesView>> HandleAsync(LianxinDb db, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var (rules, settings, defaults) = await LoadAsync(db, ct);
        var rows = rules.OrderBy(r => Array.IndexOf(RuleBook.UnitKinds, r.UnitKind)).ThenBy(r => r.Kind)
            .Select(r => new RuleRow(r.UnitKind, r.UnitKind.Chinese(), r.Kind, r.Kind.Chinese(), r.PeriodMonths, RuleBook.PeriodName(r.PeriodMonths), r.MinCount)).ToList();
        return new RulesView(rows, settings.LateEntryDays, RuleBook.Lines(settings.PartyDayItems), defaults, db.Scope.CanAnywhere(OrgLifePermissions.Rules));
    }

    /// <summary>The rules and settings in force for the caller's district (the defaults where none are saved).</summary>
    internal static async Task<(List<MeetingRule> Rules, OrgLifeSettings Settings, bool Defaults)> LoadAsync(LianxinDb db, CancellationToken ct)
    {
        var rules = await db.MeetingRules.AsNoTracking().ToListAsync(ct);
        var settings = await db.OrgLifeSettings.AsNoTracking().FirstOrDefaultAsync(ct)
            ?? new OrgLifeSettings { LateEntryDays = RuleBook.DefaultLateEntryDays, PartyDayItems = string.Join('\n', RuleBook.DefaultPartyDayItems) };
        return rules.Count == 0 ? (RuleBook.Defaults(), settings, true) : (rules, settings, false);
    }
}
