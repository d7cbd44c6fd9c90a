using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// The unit and compound choices of the roster's filters. All of them when few; in a district of thousands (bench L: 7,301
/// units, 6,000 compounds) the district, streets and communities plus what lies under the chosen unit (its children only
/// when its subtree is large too), and compounds only under a chosen unit. Each list is counted (up to one more than it may
/// show) before it is loaded, and the upper levels are read through the parent index: loading units and compounds only to
/// trim them, or walking every unit for the upper levels, was most of what a district's /members cost (bench, issue 15).
/// </summary>
public static class MemberFilterOptions
{
    public const int Max = 200;

    public record Options(IReadOnlyList<MemberUnits.UnitOption> Units, IReadOnlyList<CompoundRef> Compounds);

    public static async Task<Options> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, OrgUnitRef? chosen, CancellationToken ct, int max = Max)
    {
        IReadOnlyList<OrgUnitRef> units;
        if (await org.CountInScopeAsync(MemberUnits.Choosable, null, max + 1, ct) <= max)
            units = await org.InScopeAsync(MemberUnits.Choosable, null, max, ct);
        else
        {
            var below = chosen is null ? [] : await UnderAsync(org, chosen, max, ct);
            units = (await org.UpperLevelsInScopeAsync(ct)).Concat(below).DistinctBy(u => u.Id).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        }
        IReadOnlyList<CompoundRef> compounds =
            await places.CountCompoundsInScopeAsync(null, max + 1, ct) <= max ? await places.CompoundsInScopeAsync(null, max, ct)
            : chosen is null ? []
            : await places.CompoundsInScopeAsync(chosen.Path, max, ct);
        return new Options(
            units.Where(u => db.Scope.Can(MemberPermissions.MemberView, u.Path)).Select(u => new MemberUnits.UnitOption(u.Id, u.Name, u.Path, u.Kind, u.Depth)).ToList(),
            compounds);
    }

    /// <summary>The chosen unit's subtree when it fits, else the unit and its children (choosing a child narrows further).</summary>
    static async Task<IReadOnlyList<OrgUnitRef>> UnderAsync(OrgDirectory org, OrgUnitRef chosen, int max, CancellationToken ct) =>
        await org.CountInScopeAsync(MemberUnits.Choosable, chosen.Path, max + 1, ct) <= max
            ? await org.InScopeAsync(MemberUnits.Choosable, chosen.Path, max, ct)
            : [chosen, .. await org.ChildrenInScopeAsync([chosen.Id], MemberUnits.Choosable, ct)];
}
