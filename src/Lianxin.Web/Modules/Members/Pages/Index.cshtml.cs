using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lianxin.Web.Modules.Members.Pages;

public class IndexModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public MemberCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public MemberStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Employment? Employment { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CompoundId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public MemberPage Result { get; private set; } = new([], 0, 1, 20);
    public MemberStats? Stats { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Compounds { get; private set; } = [];
    public bool CanManage { get; private set; }

    public MemberFilter Filter => new() { UnitId = UnitId, Category = Category, Status = Status, Employment = Employment, CompoundId = CompoundId, Q = Q, Page = PageNumber, PageSize = 20 };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await ListMembers.HandleAsync(Db, Org, Places, pd, clock, Filter, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        Result = outcome.Value!;
        var statsUnit = UnitId ?? Db.Scope.Current?.OrgUnitId;
        if (statsUnit is { } su && (await MemberStatistics.HandleAsync(Db, Org, clock, su, ct)) is { IsOk: true } s) Stats = s.Value;
        Units = await UnitOptionsAsync(MemberPermissions.MemberView, false, UnitId, ct);
        Compounds = await CompoundOptionsAsync(CompoundId, ct);
        CanManage = Db.Scope.CanAnywhere(MemberPermissions.MemberManage);
        return Page();
    }

    public string Query(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["UnitId"] = UnitId?.ToString(), ["Category"] = Category?.ToString(), ["Status"] = Status?.ToString(),
        ["Employment"] = Employment?.ToString(), ["CompoundId"] = CompoundId?.ToString(), ["Q"] = Q, ["p"] = page.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}
