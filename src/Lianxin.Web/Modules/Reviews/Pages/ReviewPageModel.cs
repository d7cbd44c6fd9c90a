using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>What the review pages share: the database, the crumbs, how a score is shown.</summary>
[Authorize]
public abstract class ReviewPageModel(LianxinDb db) : PageModel
{
    protected LianxinDb Db => db;

    protected void Crumbs(params Crumb[] after) =>
        ViewData["Crumbs"] = new[] { new Crumb("观摩考评", "/reviews") }.Concat(after).ToArray();

    /// <summary>Sees results, star histories and rectifications (a reviewer scores, and sees only the rounds they judge).</summary>
    public bool Views => Db.Scope.CanAnywhere(Contracts.ReviewPermissions.ReviewView);

    public static string Score(double? v) => v is null ? "—" : v.Value.ToString("0.##");
}
