using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Contracts;
using Lianxin.Web.Modules.Venues.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Venues.Pages;

/// <summary>
/// /venues/new and /venues/{id}/edit (the same model behind both pages): register a venue, or edit its kind, state, functions and
/// opening hours and its rooms. A room is removed only after a confirmation; a save against an older version is refused.
/// </summary>
public class EditModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public VenueInput Input { get; set; } = new();
    [BindProperty] public RoomInput Room { get; set; } = new();
    /// <summary>The venue being edited; null on /venues/new.</summary>
    public VenueForm? Venue { get; private set; }
    /// <summary>Units a new venue may belong to: streets, communities and branches the caller manages venues of.</summary>
    public IReadOnlyList<OrgUnitRef> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } end) return end;
        if (Venue is not null) Input = Venue.Input;
        else Input = new VenueInput { OrgUnitId = Units.FirstOrDefault(u => db.Scope.Current?.OrgUnitId == u.Id)?.Id ?? Units[0].Id };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct) =>
        await (await SaveVenue.HandleAsync(db, org, id, Input, ct)).ToPageAsync(this, v =>
        {
            // A new venue goes on to its rooms; an edit back to the venue.
            TempData["Flash"] = id is null ? $"已登记“{Input.Name.Trim()}”，可继续添加功能室。" : "已保存阵地信息。";
            return Redirect(id is null ? $"/venues/{v.Id}/edit#rooms" : $"/venues/{v.Id}");
        }, () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostAddRoomAsync(Guid id, CancellationToken ct) =>
        await (await VenueSetup.AddRoomAsync(db, org, id, Room, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = $"已添加功能室“{Room.Name.Trim()}”。";
            return Redirect($"/venues/{id}/edit#rooms");
        }, () => ReloadAsync(id, ct), "Room");

    public async Task<IActionResult> OnPostRemoveRoomAsync(Guid id, Guid roomId, CancellationToken ct) =>
        await (await VenueSetup.RemoveRoomAsync(db, org, clock, id, roomId, ct)).ToPageAsync(this, name =>
        {
            TempData["Flash"] = $"已删除功能室“{name}”。";
            return Redirect($"/venues/{id}/edit#rooms");
        }, () => ReloadAsync(id, ct), "Room");

    /// <summary>After a room form: the venue's form as stored (the venue fields were not posted).</summary>
    async Task<IActionResult?> ReloadAsync(Guid id, CancellationToken ct)
    {
        var end = await LoadAsync(id, ct);
        if (Venue is not null) Input = Venue.Input;
        return end;
    }

    async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var form = await VenueQueries.FormAsync(db, org, existing, ct);
            if (form.Refusal(this) is { } end) return end;
            Venue = form.Value!;
            ViewData["Title"] = "编辑阵地";
            ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("阵地", "/venues"), new Platform.Shell.Crumb(Venue.Name, $"/venues/{existing}"), new Platform.Shell.Crumb("编辑") };
            return null;
        }
        Units = (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community, OrgKind.Branch))
            .Where(u => db.Scope.Can(VenuePermissions.VenueManage, u.Path)).ToList();
        if (Units.Count == 0) return Forbid();
        ViewData["Title"] = "登记阵地";
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("阵地", "/venues"), new Platform.Shell.Crumb("登记阵地") };
        return null;
    }
}
