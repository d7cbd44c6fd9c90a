using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Members.Pages;

public class DetailsModel(LianxinDb db, PersonalData pd, TimeProvider clock) : MemberPageModel(db)
{
    public MemberCard Card { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await GetMember.HandleAsync(Db, pd, clock, id, ct);
        if (Stop(outcome) is { } stop) return stop;
        Card = outcome.Value!;
        CanManage = Db.Scope.Can(Permission.MemberManage, Db.Members.Where(m => m.Id == id).Select(m => m.OrgPath).First());
        return Page();
    }
}
