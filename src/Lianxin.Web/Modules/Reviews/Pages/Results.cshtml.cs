using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using System.Text.Json;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>Ranking table, ranking bar chart and a radar per unit; also the printable sheet (?print=1).</summary>
public class ResultsModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : ReviewPageModel(db)
{
    public RoundResults Results { get; private set; } = null!;
    public bool Print { get; private set; }
    /// <summary>Submitted sheets the coordinator may correct once published; empty for everyone else.</summary>
    public List<AmendableSheet> Amendable { get; private set; } = [];
    public List<RubricItem> Items { get; private set; } = [];
    /// <summary>Photos of the round (items of submitted sheets, findings), shown per unit.</summary>
    public List<PhotoRef> Photos { get; private set; } = [];

    /// <summary>Current star level per unit of the round, shown to the coordinator with a manual 摘牌 form.</summary>
    public Dictionary<Guid, int> StarLevels { get; private set; } = [];
    /// <summary>A 星级楼组 round: its "units" are buildings, each shown with the stars the result gave it.</summary>
    public bool OfBuildings => Results.Target == ReviewTarget.Buildings;
    public Dictionary<Guid, int> BuildingLevels { get; private set; } = [];

    /// <summary>The coordinator removes a unit's star rating by hand with a reason; the feature checks permission.</summary>
    public async Task<IActionResult> OnPostRemoveStarAsync(Guid id, Guid unitId, string? reason, CancellationToken ct)
    {
        if (!(await Db.RoundUnits.AnyAsync(u => u.RoundId == id && u.UnitId == unitId, ct))) return NotFound();
        // The stars of this round's programme, not another programme the unit is rated in.
        var programme = await Db.RoundAsync(id, ct) is { } rd ? await Db.Rubrics.Where(r => r.Id == rd.RubricId).Select(r => (RubricPurpose?)r.Purpose).FirstOrDefaultAsync(ct) : null;
        var outcome = await Stars.RemoveAsync(Db, org, clock, unitId, new RemoveStarRequest(reason, programme), ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已摘牌。";
            return Redirect($"/reviews/rounds/{id}/results");
        }, async () => await OnGetAsync(id, false, ct), "");
    }

    public record AmendableSheet(Guid Id, Guid UnitId, string Reviewer);

    /// <summary>The coordinator may write the 逐一点评 while the round is open or closed, not once published.</summary>
    public bool RemarksEditable { get; private set; }

    /// <summary>The coordinator saves one unit's 汇报, 下步工作计划, 表态 and the street's 点评; the feature checks permission, state and version.</summary>
    public async Task<IActionResult> OnPostRemarkAsync(Guid id, Guid unitId, RemarkRequest remark, CancellationToken ct)
    {
        var outcome = await UnitRemarks.SaveAsync(Db, clock, id, unitId, remark, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "点评已保存。";
            return Redirect($"/reviews/rounds/{id}/results#remark-{unitId}");
        }, async () => await OnGetAsync(id, false, ct), "");
    }

    /// <summary>The coordinator corrects one item of one reviewer's sheet with a reason; the feature checks permission and recomputes.</summary>
    public async Task<IActionResult> OnPostAmendAsync(Guid id, AmendRequest input, CancellationToken ct)
    {
        var outcome = await Amend.HandleAsync(Db, org, clock, id, input, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "分数已更正，结果已重新计算。";
            return Redirect($"/reviews/rounds/{id}/results");
        }, async () => await OnGetAsync(id, false, ct), "");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, bool? print, CancellationToken ct)
    {
        var outcome = await ReviewResults.GetAsync(Db, id, ct);
        if (!outcome.IsOk)
        {
            if (outcome.Kind == OutcomeKind.Conflict) { TempData["Flash"] = outcome.Message; return Redirect($"/reviews/rounds/{id}"); }
            return outcome.ToPage(this, _ => Page());
        }
        Results = outcome.Value!;
        Print = print == true;
        if (!Print) Photos = await ReviewPhotos.OfRoundAsync(Db, id, ct);
        RemarksEditable = !Print && Results.State is (RoundState.Open or RoundState.Closed) && await Db.RoundAsync(id, ct) is { } mine && Db.Coordinates(mine);
        if (Results.Published && !Print && await Db.RoundAsync(id, ct) is { } round && Db.Coordinates(round))
        {
            Items = (await Db.DefinitionAsync(round.RubricId, ct)).Items.Where(i => i.Type is ItemType.Scored or ItemType.Bonus).ToList();
            Amendable = await (from s in Db.ScoreSheets
                               join p in Db.Panelists on new { s.RoundId, UserId = s.ReviewerId } equals new { p.RoundId, p.UserId }
                               where s.RoundId == id && s.State == SheetState.Submitted
                               orderby p.DisplayName
                               select new AmendableSheet(s.Id, s.UnitId, p.DisplayName)).ToListAsync(ct);
            var programme = await Db.Rubrics.Where(r => r.Id == round.RubricId).Select(r => r.Purpose).FirstAsync(ct);
            // 摘牌 by hand is for units; a building's stars follow its next round.
            foreach (var u in Results.Units)
                (OfBuildings ? BuildingLevels : StarLevels)[u.UnitId] = await Stars.CurrentAsync(Db, u.UnitId, programme, ct);
        }
        ViewData["Title"] = string.Format(Platform.Localization.Text.Of("{0} 结果"), Results.Name);
        Crumbs(new Crumb(Results.Name, $"/reviews/rounds/{id}"), new Crumb("结果"));
        return Page();
    }

    /// <summary>The same results as an .xlsx download.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        var outcome = await ResultsWorkbook.HandleAsync(Db, id, ct);
        return outcome.ToPage(this, xlsx => File(xlsx, ResultsWorkbook.ContentType, "观摩结果.xlsx"));
    }

    /// <summary>What the charts draw, as JSON for the inline script.</summary>
    public string ChartJson => JsonSerializer.Serialize(new
    {
        units = Results.Units.Where(u => u.Total is not null).Select(u => new { name = u.UnitName, total = u.Total, sections = Results.Sections.Select(s => u.Sections.GetValueOrDefault(s.Code)) }),
        indicators = Results.Sections.Select(s => new { name = s.Title, max = s.Max }),
    });
}
