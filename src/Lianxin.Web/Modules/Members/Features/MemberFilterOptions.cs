using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// The unit and compound choices of the roster's filters. All of them when few; in a district of thousands (bench L: 7,301
/// units, 6,000 compounds) the districts, streets and communities plus what lies under the chosen unit, and compounds only
/// under a chosen unit. Each list is read bounded: loading every unit and compound to trim them afterwards was most of what
/// a district's /members allocated (bench, issue 15).
/// </summary>
public static class MemberFilterOptions
{
    public const int Max = 200;

    public record Options(IReadOnlyList<MemberUnits.UnitOption> Units, IReadOnlyList<CompoundRef> Compounds);

    static readonly OrgKind[] Upper = [OrgKind.District, OrgKind.Street, OrgKind.Community];

    public static async Task<Options> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, OrgUnitRef? chosen, CancellationToken ct, int max = Max)
    {
        var units = await org.InScopeAsync(MemberUnits.Choosable, null, max + 1, ct);
        if (units.Count > max)
        {
            var upper = await org.InScopeAsync(Upper, null, int.MaxValue, ct);
            var below = chosen is null ? [] : await org.InScopeAsync(MemberUnits.Choosable, chosen.Path, int.MaxValue, ct);
            units = upper.Concat(below).DistinctBy(u => u.Id).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        }
        var compounds = await places.CompoundsInScopeAsync(null, max + 1, ct);
        if (compounds.Count > max) compounds = chosen is null ? [] : await places.CompoundsInScopeAsync(chosen.Path, max, ct);
        return new Options(
            units.Where(u => db.Scope.Can(MemberPermissions.MemberView, u.Path)).Select(u => new MemberUnits.UnitOption(u.Id, u.Name, u.Path, u.Kind, u.Depth)).ToList(),
            compounds);
    }
}
