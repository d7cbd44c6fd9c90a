using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>
/// /deliberation/red-rule: a street's definition of a 红色业委会 (least share of party members, whether a branch must lead), which street
/// staff edit, and the committees in term under the street that count as red by it, so the effect of a change is seen at once.
/// </summary>
public class RedRuleModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? StreetId { get; set; }
    [BindProperty] public RedRuleRequest Input { get; set; } = new();
    public IReadOnlyList<OrgUnitRef> Streets { get; private set; } = [];
    public RedRuleDto Rule { get; private set; } = null!;
    public RedRuleEffectDto Effect { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } end) return end;
        Input = new RedRuleRequest { MinPartyPercent = Rule.MinPartyPercent, RequireBranchLead = Rule.RequireBranchLead };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } end) return end;
        var before = Effect.Red;
        var saved = await RedRules.SetAsync(db, org, Rule.StreetId, Input, ct);
        if (!saved.IsOk) return saved.ToPage(this, _ => Page());
        var after = await RedRuleEffect.HandleAsync(db, org, places, clock, Rule.StreetId, ct);
        if (after.Refusal(this) is { } stop) return stop;
        TempData["Flash"] = $"已保存认定标准。按新标准，{after.Value!.Committees} 个在任业委会中有 {after.Value.Red} 个为红色业委会（此前 {before} 个）。";
        return Redirect($"/deliberation/red-rule?streetId={Rule.StreetId}");
    }

    /// <summary>The streets the caller sees, the chosen one (default: the caller's own), its rule and what the rule makes red today.</summary>
    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Title"] = "红色业委会认定标准";
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("三级议事", "/deliberation"), new Platform.Shell.Crumb("小区自治", "/deliberation/compounds"), new Platform.Shell.Crumb("红色业委会认定标准") };
        Streets = (await org.InScopeAsync(ct, true, OrgKind.Street)).Where(u => db.Scope.Can(DeliberationPermissions.View, u.Path)).ToList();
        if (Streets.Count == 0) return Forbid();
        if (StreetId is { } wanted && Streets.All(u => u.Id != wanted)) return NotFound();
        var street = Streets.FirstOrDefault(u => u.Id == StreetId)
            ?? Streets.FirstOrDefault(u => db.Scope.Current is { } g && g.OrgPath.StartsWith(u.Path, StringComparison.Ordinal)) ?? Streets[0];
        var rule = await RedRules.GetAsync(db, org, street.Id, ct);
        if (rule.Refusal(this) is { } end) return end;
        Rule = rule.Value!;
        var effect = await RedRuleEffect.HandleAsync(db, org, places, clock, street.Id, ct);
        if (effect.Refusal(this) is { } stop) return stop;
        Effect = effect.Value!;
        return null;
    }
}
