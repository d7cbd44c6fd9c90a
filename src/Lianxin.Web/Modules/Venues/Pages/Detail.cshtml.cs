using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Venues.Pages;

/// <summary>/venues/{id}: the venue, its 六有 checklist and its rooms' bookings of a day; book a room here.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, PersonalData pd, TimeProvider clock) : PageModel
{
    public VenueDetail V { get; private set; } = null!;
    /// <summary>The unit the caller acts for (a resident writes their own name).</summary>
    public string BookerName { get; private set; } = "";
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty] public BookRoomRequest Book { get; set; } = new();
    [BindProperty] public CheckInput Check { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostBookAsync(Guid id, Guid roomId, CancellationToken ct)
    {
        ModelState.Clear();
        Day = Book.Day;
        var outcome = await BookRoom.HandleAsync(db, org, pd, clock, roomId, Book, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "预约成功。";
            return Redirect($"/venues/{id}?day={Book.Day:yyyy-MM-dd}");
        }, () => LoadAsync(id, ct), "Book");
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await VenueSetup.CheckAsync(db, org, clock, id, Check, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已登记达标。";
            return Redirect($"/venues/{id}");
        }, () => LoadAsync(id, ct), "Check");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var v = await VenueQueries.DetailAsync(db, org, clock, id, Day, ct);
        if (v.Refusal(this) is { } end) return end;
        V = v.Value!;
        BookerName = db.Scope.Current is { Role: not Role.Resident } g ? await org.NameOfAsync(g.OrgUnitId, ct) : "";
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("阵地", "/venues"), new Platform.Shell.Crumb(V.Name) };
        return null;
    }
}
