using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lianxin.Web.Modules.Members.Pages;

public class IndexModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, IOptions<ListOptions> lists)
    : MemberPageModel(db, units, places)
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public MemberCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public MemberStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Employment? Employment { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CompoundId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    /// <summary>Beyond this many choices a filter list only offers the levels down to communities and the chosen unit's own units: a district's every branch and compound made /members 985 KB (issue 15).</summary>

    public MemberPage Result { get; private set; } = new([], 0, false, 1, 20, null, null);
    public MemberStats? Stats { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Compounds { get; private set; } = [];
    public bool CanManage { get; private set; }

    public MemberFilter Filter => new() { UnitId = UnitId, Category = Category, Status = Status, Employment = Employment, CompoundId = CompoundId, Q = Q, Page = PageNumber, PageSize = 20, Cursor = Cursor };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await ListMembers.HandleAsync(Db, Org, Places, pd, clock, Filter, lists.Value.CountCap, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        // A bad cursor or filter: the message above an empty list, answered as the 400 it is.
        if (outcome.IsOk) Result = outcome.Value!; else Response.StatusCode = StatusCodes.Status400BadRequest;
        var statsUnit = UnitId ?? Db.Scope.Current?.OrgUnitId;
        if (statsUnit is { } su && (await MemberStatistics.HandleAsync(Db, Org, clock, su, ct)) is { IsOk: true } s) Stats = s.Value;
        var chosen = UnitId is { } u ? await Org.FindAsync(u, ct) : null;
        var options = await MemberFilterOptions.HandleAsync(Db, Org, Places, chosen, ct);
        Units = options.Units.Select(x => new SelectListItem(new string('　', Math.Max(0, x.Depth - 1)) + x.Name, x.Id.ToString(), x.Id == UnitId)).ToList();
        Compounds = options.Compounds.Select(c => new SelectListItem(c.Name, c.Id.ToString(), c.Id == CompoundId)).ToList();
        CanManage = Db.Scope.CanAnywhere(MemberPermissions.MemberManage);
        return Page();
    }

    public string Query(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["UnitId"] = UnitId?.ToString(), ["Category"] = Category?.ToString(), ["Status"] = Status?.ToString(),
        ["Employment"] = Employment?.ToString(), ["CompoundId"] = CompoundId?.ToString(), ["Q"] = Q, ["p"] = page.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}
