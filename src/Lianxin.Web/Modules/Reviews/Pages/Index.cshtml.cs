using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class IndexModel(LianxinDb db) : ReviewPageModel(db)
{
    public List<RoundRow> Rounds { get; private set; } = [];
    public List<RubricRow> Rubrics { get; private set; } = [];
    public bool Manages => Db.Scope.CanAnywhere(ReviewPermissions.ReviewManage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await Features.Rounds.ListAsync(Db, ct);
        if (Manages) Rubrics = await SaveRubric.ListAsync(Db, ct);
        ViewData["Title"] = "观摩考评";
        Crumbs();
    }
}
