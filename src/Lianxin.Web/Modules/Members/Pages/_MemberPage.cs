using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
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

    public async Task<List<SelectListItem>> UnitOptionsAsync(Permission permission, bool branchesOnly, Guid? selected, CancellationToken ct)
    {
        var visible = await MemberUnits.VisibleAsync(db, units, permission, ct);
        return visible.Where(u => !branchesOnly || u.Kind == OrgKind.Branch)
            .Select(u => new SelectListItem(new string('　', Math.Max(0, u.Depth - 1)) + u.Name, u.Id.ToString(), u.Id == selected)).ToList();
    }

    public async Task<List<SelectListItem>> CompoundOptionsAsync(Guid? selected, CancellationToken ct) =>
        (await places.CompoundsInScopeAsync(ct)).Select(c => new SelectListItem(c.Name, c.Id.ToString(), c.Id == selected)).ToList();

    public static List<SelectListItem> EnumOptions<TEnum>(Func<TEnum, string> name, TEnum? selected) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(Lianxin.Web.Platform.Localization.Text.Of(name(v)), v.ToString(), selected is { } s && s.Equals(v))).ToList();
}
