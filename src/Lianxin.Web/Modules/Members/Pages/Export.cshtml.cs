using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Members.Pages;

public class ExportModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberPageModel(db, units, places)
{
    public async Task<IActionResult> OnGetAsync(Guid? unitId, MemberCategory? category, MemberStatus? status, Employment? employment, Guid? compoundId, string? q, CancellationToken ct)
    {
        var outcome = await ExportMembers.HandleAsync(Db, Org, Places, pd, clock, new MemberFilter { UnitId = unitId, Category = category, Status = status, Employment = employment, CompoundId = compoundId, Q = q }, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        return File(outcome.Value!, Xlsx.ContentType, ExportMembers.FileName(clock));
    }
}
