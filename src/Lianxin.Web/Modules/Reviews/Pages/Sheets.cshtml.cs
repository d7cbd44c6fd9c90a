using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class SheetsModel(LianxinDb db) : ReviewPageModel(db)
{
    public List<SheetRow> Sheets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sheets = await ScoreSheets.MineAsync(Db, null, ct);
        ViewData["Title"] = "我的评分";
        Crumbs(new Crumb("我的评分"));
    }
}
