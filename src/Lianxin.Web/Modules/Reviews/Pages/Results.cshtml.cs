using System.Text.Json;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>Ranking table, ranking bar chart and a radar per unit; also the printable sheet (?print=1).</summary>
public class ResultsModel(LianxinDb db) : ReviewPageModel(db)
{
    public RoundResults Results { get; private set; } = null!;
    public bool Print { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool? print, CancellationToken ct)
    {
        var outcome = await ReviewResults.GetAsync(Db, id, ct);
        if (!outcome.IsOk)
        {
            if (outcome.Kind == Organizations.Features.OutcomeKind.Conflict) { TempData["Flash"] = outcome.Message; return Redirect($"/reviews/rounds/{id}"); }
            return Fail(outcome);
        }
        Results = outcome.Value!;
        Print = print == true;
        ViewData["Title"] = $"{Results.Name} 结果";
        Crumbs(new Crumb(Results.Name, $"/reviews/rounds/{id}"), new Crumb("结果"));
        return Page();
    }

    /// <summary>The same results as an .xlsx download.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        var outcome = await ResultsWorkbook.HandleAsync(Db, id, ct);
        if (!outcome.IsOk) return outcome.Kind == Organizations.Features.OutcomeKind.Forbidden ? Forbid() : NotFound();
        return File(outcome.Value!, ResultsWorkbook.ContentType, "观摩结果.xlsx");
    }

    /// <summary>What the charts draw, as JSON for the inline script.</summary>
    public string ChartJson => JsonSerializer.Serialize(new
    {
        units = Results.Units.Where(u => u.Total is not null).Select(u => new { name = u.UnitName, total = u.Total, sections = Results.Sections.Select(s => u.Sections.GetValueOrDefault(s.Code)) }),
        indicators = Results.Sections.Select(s => new { name = s.Title, max = s.Max }),
    });
}
