using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Pages;

public class RosterModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }
    public RosterOn? Result { get; private set; }
    public Picker Picker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Db.Scope.CanAnywhere(MemberPermissions.MemberView)) return Forbid();
        On ??= clock.Today();
        UnitId ??= Db.Scope.Current?.OrgUnitId;
        if (UnitId is { } u)
        {
            var outcome = await RosterOnDate.HandleAsync(Db, Org, u, On.Value, ct);
            if (outcome.Refusal(this) is { } end) return end;
            if (outcome.IsOk) Result = outcome.Value;
        }
        Picker = await UnitPickerAsync("UnitId", "组织", UnitPurpose.View, null, UnitId, ct, small: true);
        return Page();
    }
}
