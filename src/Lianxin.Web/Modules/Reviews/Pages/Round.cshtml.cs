using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class RoundModel(LianxinDb db, TimeProvider clock) : ReviewPageModel(db)
{
    public RoundDetailDto Round { get; private set; } = null!;
    public List<SheetRow> MySheets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    /// <summary>Open, close or publish, with the version the page showed.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, RoundState to, int version, CancellationToken ct)
    {
        var outcome = await ChangeRoundState.HandleAsync(Db, clock, id, to, new StateRequest(version), ct);
        if (outcome.IsOk)
        {
            TempData["Flash"] = to switch { RoundState.Open => "已开始评分，评委可以填写评分表。", RoundState.Closed => "已截止评分。", _ => "结果已发布。" };
            return Redirect(to == RoundState.Published ? $"/reviews/rounds/{id}/results" : $"/reviews/rounds/{id}");
        }
        var shown = await ShowAsync(id, ct);
        return shown is PageResult ? Fail(outcome, "") : shown;
    }

    async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var outcome = await Rounds.GetAsync(Db, clock, id, ct);
        if (!outcome.IsOk) return Fail(outcome);
        Round = outcome.Value!;
        MySheets = await ScoreSheets.MineAsync(Db, id, ct);
        ViewData["Title"] = Round.Name;
        Crumbs(new Crumb(Round.Name));
        return Page();
    }
}
