using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>What the Members pages share: the database, Organizations' directories and the options of the selects.</summary>
public abstract class MemberPageModel(LianxinDb db, OrgDirectory units, PlaceDirectory places) : PageModel
{
    protected LianxinDb Db => db;
    protected OrgDirectory Org => units;
    protected PlaceDirectory Places => places;

    /// <summary>What the picker's search box asked for when the page was sent without JavaScript (a GET).</summary>
    [BindProperty(SupportsGet = true, Name = "unitq")] public string? UnitQuery { get; set; }

    /// <summary>
    /// A unit picker (issue 15): a short select of the chosen unit plus either the matches of <see cref="UnitQuery"/> or the
    /// caller's own units and their children, never every unit of a district (7,301 options at size L). With JavaScript the
    /// search box asks <c>/api/v1/members/units</c> as the user types and fills the select.
    /// </summary>
    public async Task<Picker> UnitPickerAsync(string field, string label, UnitPurpose purpose, OrgKind? kind, Guid? selected, CancellationToken ct,
        string? searchForm = null, bool required = false, bool small = false, string? blank = null, string? searchAction = null)
    {
        var chosen = selected is { } id ? await SearchUnitChoices.OneAsync(db, units, id, purpose, ct) : null;
        IReadOnlyList<UnitChoice> options;
        string? message = null;
        if (!string.IsNullOrWhiteSpace(UnitQuery))
        {
            var found = await SearchUnitChoices.HandleAsync(db, units, new(UnitQuery, purpose, kind), ct);
            options = found.Value?.Items ?? [];
            message = found.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? (options.Count == 0 ? "没有找到匹配的组织" : null);
        }
        else options = await NearAsync(purpose, kind, ct);
        var all = (chosen is null ? options : [chosen, .. options]).DistinctBy(u => u.Id).ToList();
        var endpoint = $"/api/v1/members/units?purpose={purpose}" + (kind is { } k ? $"&kind={k}" : "");
        return new Picker(field, label, Option(chosen), all.Select(u => Option(u)!).ToList(), endpoint, "unitq", UnitQuery, message, searchForm, required, small, blank,
            PickerTexts.Units, searchAction);
    }

    static PickerOption? Option(UnitChoice? u) => u is null ? null : new(u.Id, u.Name, u.Trail);

    /// <summary>What the compound picker's search box asked for when the page was sent without JavaScript (a GET).</summary>
    [BindProperty(SupportsGet = true, Name = "compoundq")] public string? CompoundQuery { get; set; }

    /// <summary>
    /// The residence picker (issue 15: 6,000 compounds at size L): the chosen compound, which may lie outside the caller's scope
    /// (a member may live anywhere in the district), plus the matches of <see cref="CompoundQuery"/> or the first compounds in scope.
    /// </summary>
    public async Task<Picker> CompoundPickerAsync(string field, string label, Guid? selected, CancellationToken ct, string? blank = null, string? searchAction = null)
    {
        var chosen = selected is { } id ? (await CompoundChoices.OfAsync(units, await places.CompoundsAsync([id], ct), ct)).FirstOrDefault() : null;
        var found = await SearchCompoundChoices.HandleAsync(db, places, units, new(CompoundQuery), ct);
        return CompoundChoices.Picker(field, label, chosen, found, "/api/v1/members/compounds?limit=20", CompoundQuery, blank, searchAction);
    }

    /// <summary>The caller's own units (where they hold the purpose's permission) and the units directly under them, at most 50.</summary>
    async Task<IReadOnlyList<UnitChoice>> NearAsync(UnitPurpose purpose, OrgKind? kind, CancellationToken ct)
    {
        var roots = SearchUnitChoices.RootsFor(db.Scope, SearchUnitChoices.PermissionFor(purpose)) ?? [];
        var ids = roots.Select(OrgDirectory.UnitOf).ToList();
        OrgKind[] kinds = kind is { } k ? [k] : MemberUnits.Choosable;
        var tops = (await units.ManyAsync(ids, ct)).Where(u => u.IsActive && kinds.Contains(u.Kind));
        var children = await units.ChildrenInScopeAsync(ids, kinds, ct);
        var near = tops.Concat(children).DistinctBy(u => u.Id).OrderBy(u => u.Path, StringComparer.Ordinal).Take(50).ToList();
        return await SearchUnitChoices.ChoicesAsync(units, near, ct);
    }

    public static List<SelectListItem> EnumOptions<TEnum>(Func<TEnum, string> name, TEnum? selected) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(Lianxin.Web.Platform.Localization.Text.Of(name(v)), v.ToString(), selected is { } s && s.Equals(v))).ToList();
}
