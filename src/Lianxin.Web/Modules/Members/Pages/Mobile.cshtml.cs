using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>/members/mobile?unit=: 流动党员 of a branch, a community or the street, with the figures per branch.</summary>
public class MobileModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd) : MemberPageModel(db, units, places)
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public MobileList List { get; private set; } = null!;
    public Picker Picker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await ListMobileMembers.HandleAsync(Db, Org, pd, Unit, All, ct);
        if (list.Refusal(this) is { } end) return end;
        List = list.Value!;
        Picker = await UnitPickerAsync("Unit", "党组织", UnitPurpose.View, null, List.UnitId, ct, small: true);
        return Page();
    }
}
