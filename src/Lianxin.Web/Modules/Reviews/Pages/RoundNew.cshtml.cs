using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using System.Globalization;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class RoundInput
{
    public string Name { get; set; } = "";
    public Guid RubricId { get; set; }
    /// <summary>Buildings: a 星级楼组 round; <see cref="Units"/> holds building ids.</summary>
    public ReviewTarget Target { get; set; }
    /// <summary>Building rounds: the community whose buildings are listed (a street has too many to list at once).</summary>
    public Guid? Community { get; set; }
    public List<Guid> Units { get; set; } = [];
    public List<Guid> Panel { get; set; } = [];
    public Guid? Leader { get; set; }
    public AggregationRule Aggregation { get; set; }
    public int TrimMinReviewers { get; set; } = 5;
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>Unit id → its place on the route (1, 2, …); units without one follow in the list's order.</summary>
    public Dictionary<Guid, int?> Order { get; set; } = [];
    /// <summary>Unit id → visit time as the datetime-local field sends it (China time, yyyy-MM-ddTHH:mm).</summary>
    public Dictionary<Guid, string?> At { get; set; } = [];
}

/// <summary>A new round (draft) owned by the caller's street: rubric, days, units with their place and time on the route, panel, aggregation rule.
/// With ?target=Buildings it is a 星级楼组 round over the buildings of one community's compounds.</summary>
public class RoundNewModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock) : ReviewPageModel(db)
{
    [BindProperty] public RoundInput Input { get; set; } = new();
    public OrgUnitRef Owner { get; private set; } = null!;
    public List<RubricRow> Rubrics { get; private set; } = [];
    /// <summary>What may be visited: child units, or in a building round the buildings of the chosen community, compound by compound.</summary>
    public List<(Guid Id, string Name, string Group)> Candidates { get; private set; } = [];
    /// <summary>Building rounds of a street: its communities, to pick whose buildings to list.</summary>
    public List<OrgUnitRef> Communities { get; private set; } = [];
    public bool Buildings => Input.Target == ReviewTarget.Buildings;
    public List<(Guid Id, string Name, string Role)> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(ReviewTarget? target, Guid? community, CancellationToken ct)
    {
        Input.Target = target ?? ReviewTarget.Units;
        Input.Community = community;
        if (await LoadAsync(ct) is { } stop) return stop;
        var today = clock.Today();
        Input.Name = Buildings ? $"{today:yyyy}年{Communities.FirstOrDefault(c => c.Id == Input.Community)?.PublicName}星级楼组评定"
            : $"{today:yyyy}年第{(today.Month + 2) / 3}季度党建观摩";
        if (Buildings) Input.RubricId = Rubrics.FirstOrDefault()?.Id ?? Guid.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        var listed = Candidates.Select(c => c.Id).ToList();
        var route = Input.Units.Distinct().Select(u => (Id: u, Order: Input.Order.GetValueOrDefault(u), At: Input.At.GetValueOrDefault(u))).ToList();
        var orders = route.Where(v => v.Order is not null).Select(v => v.Order!.Value).ToList();
        if (orders.Any(o => o < 1 || o > 999)) ModelState.AddModelError("Input.Itinerary", "观摩顺序须为 1 到 999 之间的整数。");
        else if (orders.Distinct().Count() != orders.Count) ModelState.AddModelError("Input.Itinerary", "观摩顺序不能重复。");
        var visits = new List<Visit>();
        foreach (var v in route.OrderBy(v => v.Order ?? int.MaxValue).ThenBy(v => listed.IndexOf(v.Id)))
        {
            DateTime? at = null;
            if (!string.IsNullOrWhiteSpace(v.At))
            {
                if (DateTime.TryParseExact(v.At, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    at = DateTime.SpecifyKind(local - Itinerary.Offset, DateTimeKind.Utc);
                else ModelState.AddModelError("Input.Itinerary", "观摩时间格式不正确。");
            }
            visits.Add(new Visit(v.Id, at));
        }
        if (!ModelState.IsValid) return Page();
        var request = new CreateRoundRequest
        {
            OwnerUnitId = Owner.Id, Name = Input.Name, RubricId = Input.RubricId, Target = Input.Target, Aggregation = Input.Aggregation, TrimMinReviewers = Input.TrimMinReviewers,
            StartsOn = Input.StartsOn, EndsOn = Input.EndsOn,
            Units = visits,
            Panel = Input.Panel.Select(p => new PanelSeat(p, p == Input.Leader ? "组长" : "评委")).ToList(),
            RoleWeights = new() { ["组长"] = 2 },
        };
        var outcome = await CreateRound.HandleAsync(Db, org, places, clock, request, ct);
        if (!outcome.IsOk) return outcome.ToPage(this, _ => Page());
        TempData["Flash"] = "观摩轮次已创建（草稿）。";
        return Redirect($"/reviews/rounds/{outcome.Value!.Id}");
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var grant = Db.Scope.Grants.Where(g => g.Role.Allows(ReviewPermissions.ReviewManage)).OrderBy(g => g.OrgPath.Length).FirstOrDefault();
        if (grant is null) return Forbid();
        Owner = await org.FindAsync(grant.OrgUnitId, ct) ?? throw new InvalidOperationException($"Unit {grant.OrgUnitId} of a grant is missing.");
        // Building rounds take 星级楼组 rubrics only, unit rounds the others; quarterly 观摩 first, since it is the round streets run most.
        Rubrics = (await SaveRubric.ListAsync(Db, ct)).Where(r => Buildings == (r.Purpose == RubricPurpose.StarBuilding)).OrderBy(r => r.Purpose).ToList();
        if (Buildings) await LoadBuildingsAsync(ct);
        else Candidates = (await org.InScopeAsync(ct)).Where(u => u.ParentId == Owner.Id).OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => (u.Id, u.DisplayName, "")).ToList();
        var grants = await Db.RoleGrants.AsNoTracking()
            .Where(g => (g.Role == Role.Reviewer || g.Role == Role.StreetStaff) && g.OrgPath.StartsWith(Owner.Path)).ToListAsync(ct);
        var ids = grants.Select(g => g.UserId).Distinct().ToList();
        var users = await Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled).ToListAsync(ct);
        People = users.Select(u => (u.Id, u.DisplayName, grants.First(g => g.UserId == u.Id).Role.Chinese())).OrderBy(p => p.Item2).ToList();
        ViewData["Title"] = Buildings ? "新建星级楼组评定" : "新建观摩轮次";
        Crumbs(new Crumb((string)ViewData["Title"]!));
        return null;
    }

    /// <summary>The buildings of the chosen community's compounds (of the owner's when the owner is a community), compound by compound.</summary>
    async Task LoadBuildingsAsync(CancellationToken ct)
    {
        Communities = Owner.Kind == OrgKind.Community ? [Owner]
            : (await org.InScopeAsync(ct, true, OrgKind.Community)).Where(u => u.Path.StartsWith(Owner.Path, StringComparison.Ordinal)).ToList();
        if (Communities.Count == 1) Input.Community = Communities[0].Id;
        if (Communities.FirstOrDefault(c => c.Id == Input.Community) is not { } community) return;
        var buildings = await places.BuildingsUnderAsync(community.Path, ct);
        var compounds = (await places.CompoundsAsync(buildings.Select(b => b.CompoundId), ct)).ToDictionary(c => c.Id, c => c.Name);
        Candidates = buildings.Select(b => (b.Id, b.Name, Group: compounds.GetValueOrDefault(b.CompoundId, "")))
            .OrderBy(b => b.Group, NaturalOrder.Instance).ThenBy(b => b.Name, NaturalOrder.Instance).ToList();
    }
}
