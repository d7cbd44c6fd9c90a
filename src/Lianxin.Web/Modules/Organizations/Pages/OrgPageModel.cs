using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>What the org pages share: the unit the page is about, the crumbs and the choices of the forms.</summary>
[Authorize]
public abstract class OrgPageModel(LianxinDb db) : PageModel
{
    protected LianxinDb Db => db;

    /// <summary>The unit the page is about, for its header and crumbs.</summary>
    public OrgUnit Unit { get; protected set; } = null!;

    public string UnitName => Unit.ShortName != "" ? Unit.ShortName : Unit.Name;

    /// <summary>Loads the unit (404 outside scope) and, for forms, checks OrgManage (403).</summary>
    protected async Task<IActionResult?> LoadUnitAsync(Guid id, bool manage = true)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return NotFound();
        if (!db.Scope.Can(manage ? OrgPermissions.OrgManage : OrgPermissions.OrgView, unit.Path)) return Forbid();
        Unit = unit;
        return null;
    }

    protected void Crumbs(params Crumb[] after) =>
        ViewData["Crumbs"] = new[] { new Crumb("组织架构", "/org") }.Concat(after).ToArray();

    public static IEnumerable<(OrgKind Kind, string Name)> KindChoices(OrgKind parent) =>
        Enum.GetValues<OrgKind>().Where(k => parent.MayContain(k)).Select(k => (k, k.Chinese()));

    public static IEnumerable<(BranchKind Kind, string Name)> BranchKinds =>
        Enum.GetValues<BranchKind>().Where(k => k != BranchKind.None).Select(k => (k, k.Chinese()));

    public static IEnumerable<(CompoundType Type, string Name)> CompoundTypes =>
        Enum.GetValues<CompoundType>().Select(t => (t, t.Chinese()));
}
