using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Calendar.Pages;

/// <summary>/calendar?year=2026: the district's holidays and make-up working days of a year; add one, remove one.</summary>
public class IndexModel(LianxinDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public CalendarDayRequest Input { get; set; } = new();

    public CalendarYearDto Calendar { get; private set; } = new(0, false, false, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var year = Year ?? clock.Today().Year;
        var outcome = await AddCalendarDay.HandleAsync(db, year, Input, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        if (!outcome.IsOk)
        {
            outcome.CopyTo(ModelState);
            return await LoadAsync(ct);
        }
        var d = outcome.Value!;
        TempData["Flash"] = $"已录入 {d.Date:yyyy年M月d日}（{d.Weekday}）：{d.Name} · {d.KindName}。";
        return Redirect($"/calendar?year={year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        var outcome = await RemoveCalendarDay.HandleAsync(db, id, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        var d = outcome.Value!;
        TempData["Flash"] = $"已删除 {d.Date:yyyy年M月d日}（{d.Name} · {d.KindName}）。";
        return Redirect($"/calendar?year={d.Date.Year}");
    }

    async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Year ??= clock.Today().Year;
        ViewData["Title"] = "工作日历";
        ViewData["Crumbs"] = new[] { new Crumb("工作日历") };
        var outcome = await CalendarYear.GetAsync(db, Year.Value, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        if (!outcome.IsOk) return NotFound();
        Calendar = outcome.Value!;
        if (Input.Date is null) Input.Date = new DateOnly(Year.Value, 1, 1);
        return Page();
    }
}
