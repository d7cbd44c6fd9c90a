using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Localization;

/// <summary>The zh-CN / English switch in the header; the choice lives in a cookie.</summary>
[AllowAnonymous]
public class CultureModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        if (!Text.Cultures.Contains(culture)) culture = Text.Cultures[0];
        Remember(Response, culture);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>
    /// A page opened with <c>?culture=en</c> (a shared link) keeps that language on the next click, as the switch
    /// would: the query string alone holds for one request only. The API is left alone (stateless clients).
    /// </summary>
    public static Task RememberQueryCulture(HttpContext context, Func<Task> next)
    {
        if (context.Request.Query["culture"].ToString() is { Length: > 0 } culture && Text.Cultures.Contains(culture)
            && !context.Request.Path.StartsWithSegments("/api"))
            Remember(context.Response, culture);
        return next();
    }

    static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
}
