using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>What the Members pages share: the options of the selects.</summary>
public abstract class MemberPageModel(LianxinDb db) : PageModel
{
    protected LianxinDb Db => db;

    public async Task<List<SelectListItem>> UnitOptionsAsync(Permission permission, bool branchesOnly, Guid? selected, CancellationToken ct)
    {
        var units = await MemberUnits.VisibleAsync(db, permission, ct);
        return units.Where(u => !branchesOnly || u.Kind == Organizations.Contracts.OrgKind.Branch)
            .Select(u => new SelectListItem(new string('　', Math.Max(0, u.Depth - 1)) + u.Name, u.Id.ToString(), u.Id == selected)).ToList();
    }

    public async Task<List<SelectListItem>> CompoundOptionsAsync(Guid? selected, CancellationToken ct) =>
        (await db.Compounds.AsNoTracking().OrderBy(c => c.OrgPath).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(), c.Id == selected)).ToList();

    public static List<SelectListItem> EnumOptions<TEnum>(Func<TEnum, string> name, TEnum? selected) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(name(v), v.ToString(), selected is { } s && s.Equals(v))).ToList();
}
