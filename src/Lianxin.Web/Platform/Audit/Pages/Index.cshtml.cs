using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Identity.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Audit.Pages;

public class AuditIndexModel(LianxinDb db, AuditChain chain, Microsoft.Extensions.Options.IOptions<Lists.ListOptions> lists) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    // Read by hand: Razor Pages keeps the route value "page" for the page's own path.
    int PageNumber => int.TryParse(Request.Query["page"], out var p) && p > 0 ? p : 1;
    int PageSize => int.TryParse(Request.Query["pageSize"], out var s) && s > 0 ? s : 50;

    public Lists.ListPage<AuditEntryDto> Result { get; private set; } = new([], 0, false, 1, 50, null, null);
    public List<string> Entities { get; private set; } = [];
    public ChainReport? Report { get; private set; }
    public int Pages => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(Permission.AuditView)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Walks the whole chain; a POST because it reads every entry.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(Permission.AuditView)) return Forbid();
        Report = await chain.VerifyAsync(db, ct);
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var outcome = await AuditSearch.HandleAsync(new(Entity, EntityId, Action, UserName, From, To, PageNumber, PageSize, Cursor), db, lists.Value.CountCap, ct);
        // The handlers answer 403 before this; what is left are the search form's errors (a bad date range or cursor).
        _ = outcome.Refusal(this);
        if (outcome.IsOk) Result = outcome.Value!;
        Entities = await AuditSearch.EntitiesAsync(db, ct);
    }

    public string PageUrl(int page)
    {
        var q = new Dictionary<string, string?>
        {
            ["entity"] = Entity, ["entityId"] = EntityId, ["action"] = Action, ["user"] = UserName,
            ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["page"] = page.ToString(),
            ["pageSize"] = Request.Query.ContainsKey("pageSize") ? PageSize.ToString() : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/audit", q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
