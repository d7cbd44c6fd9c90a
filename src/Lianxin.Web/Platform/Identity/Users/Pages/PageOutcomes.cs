using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Identity.Users.Pages;

/// <summary>How the pages show a refusal: out of scope is a 404, anything else a form error in Chinese.</summary>
static class PageOutcomes
{
    public static IActionResult? Refuse(this PageModel page, Failure? refusal)
    {
        if (refusal is null) return null;
        if (refusal.Kind == OutcomeKind.NotFound) return page.NotFound();
        if (refusal.Errors is { } errors)
            foreach (var message in errors.Values.SelectMany(v => v)) page.ModelState.AddModelError("", message);
        else page.ModelState.AddModelError("", refusal.Message ?? "操作未能完成。");
        return null;
    }
}
