using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>Review records follow a moved unit; they are history and never keep a unit from being dissolved.</summary>
public class ReviewsUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["rev_rubrics"] = await db.RebaseAsync<Rubric>(oldRoot, newRoot, ct),
            ["rev_rounds"] = await db.RebaseAsync<ReviewRound>(oldRoot, newRoot, ct),
            ["rev_round_units"] = await db.RebaseAsync<RoundUnit>(oldRoot, newRoot, ct),
            ["rev_panelists"] = await db.RebaseAsync<Panelist>(oldRoot, newRoot, ct),
            ["rev_score_sheets"] = await db.RebaseAsync<ScoreSheet>(oldRoot, newRoot, ct),
            ["rev_amendments"] = await db.RebaseAsync<Amendment>(oldRoot, newRoot, ct),
            ["rev_findings"] = await db.RebaseAsync<Finding>(oldRoot, newRoot, ct),
            ["rev_rectifications"] = await db.RebaseAsync<Rectification>(oldRoot, newRoot, ct),
            ["rev_star_awards"] = await db.RebaseAsync<StarAward>(oldRoot, newRoot, ct),
            ["rev_unit_remarks"] = await db.RebaseAsync<UnitRemark>(oldRoot, newRoot, ct),
            ["rev_cultivation_targets"] = await db.RebaseAsync<CultivationTarget>(oldRoot, newRoot, ct),
        };

    public Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct) => Task.FromResult<string?>(null);
}
