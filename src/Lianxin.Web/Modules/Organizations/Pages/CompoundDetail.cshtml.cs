using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Organizations.Pages;

public class CompoundDetailModel(LianxinDb db, OrgDirectory org, PersonalData pd) : OrgPageModel(db)
{
    public CompoundDetailDto D { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await CompoundDetail.HandleAsync(Db, org, pd, id, ct);
        if (!outcome.IsOk) return outcome.ToPage(this, _ => Page());
        D = outcome.Value!;
        ViewData["Title"] = D.Name;
        Crumbs(new Crumb(D.CommunityName, D.CommunitySeen ? $"/org/{D.CommunityId}" : null), new Crumb(D.Name));
        return Page();
    }
}
