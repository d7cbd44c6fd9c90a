using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class RoundModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : ReviewPageModel(db)
{
    public RoundDetailDto Round { get; private set; } = null!;
    public List<SheetRow> MySheets { get; private set; } = [];
    /// <summary>Submitted sheets of the round, shown only to its coordinator so they can be reopened.</summary>
    public List<SubmittedSheet> Submitted { get; private set; } = [];

    public record SubmittedSheet(Guid Id, Guid UnitId, string Reviewer, double Total, int Version);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    /// <summary>Open, close or publish, with the version the page showed.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, RoundState to, int version, CancellationToken ct)
    {
        var outcome = await ChangeRoundState.HandleAsync(Db, org, clock, id, to, new StateRequest(version), ct);
        if (outcome.IsOk)
        {
            TempData["Flash"] = to switch { RoundState.Open => "已开始评分，评委可以填写评分表。", RoundState.Closed => "已截止评分。", _ => "结果已发布。" };
            return Redirect(to == RoundState.Published ? $"/reviews/rounds/{id}/results" : $"/reviews/rounds/{id}");
        }
        var shown = await ShowAsync(id, ct);
        return shown is PageResult ? outcome.ToPage(this, _ => Page(), "") : shown;
    }

    /// <summary>The coordinator reopens one submitted sheet with a reason; the feature checks permission and state.</summary>
    public async Task<IActionResult> OnPostReopenAsync(Guid id, Guid sheetId, string? reason, int sheetVersion, CancellationToken ct)
    {
        var outcome = await ScoreSheets.ReopenAsync(Db, clock, sheetId, new ReopenRequest(reason, sheetVersion), ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "评分表已退回，评委可以重新修改。";
            return Redirect($"/reviews/rounds/{id}");
        }, async () => await ShowAsync(id, ct), "");
    }

    async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var outcome = await Rounds.GetAsync(Db, clock, id, ct);
        if (!outcome.IsOk) return outcome.ToPage(this, _ => Page());
        Round = outcome.Value!;
        MySheets = await ScoreSheets.MineAsync(Db, id, ct);
        if (Round.Coordinator && Round.State is RoundState.Open or RoundState.Closed)
            Submitted = await (from s in Db.ScoreSheets
                               join p in Db.Panelists on new { s.RoundId, UserId = s.ReviewerId } equals new { p.RoundId, p.UserId }
                               where s.RoundId == id && s.State == SheetState.Submitted
                               orderby p.DisplayName
                               select new SubmittedSheet(s.Id, s.UnitId, p.DisplayName, s.Total, s.Version)).ToListAsync(ct);
        ViewData["Title"] = Round.Name;
        Crumbs(new Crumb(Round.Name));
        return Page();
    }
}
