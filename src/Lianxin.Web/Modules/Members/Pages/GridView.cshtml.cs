using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>后三级网格 of a community: grid → compound/building → central households, who answers for each, the gaps flagged.</summary>
public class GridViewModel(LianxinDb db, OrgDirectory units, PlaceDirectory places) : MemberPageModel(db, units, places)
{
    [BindProperty(SupportsGet = true)] public Guid? CommunityId { get; set; }
    public List<SelectListItem> Communities { get; private set; } = [];
    public GridViewDto? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Db.Scope.CanAnywhere(MemberPermissions.MemberView)) return Forbid();
        (CommunityId, Communities) = await CommunityChoice.ResolveAsync(Db, Org, CommunityId, ct);
        if (CommunityId is not { } id) return Page();
        var outcome = await GetGridView.HandleAsync(Db, Org, Places, id, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        View = outcome.Value;
        return Page();
    }
}
