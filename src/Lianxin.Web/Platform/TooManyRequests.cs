using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Platform;

/// <summary>
/// The one way to say "too many requests": status 429 with <c>Retry-After</c> in whole seconds, at least one (a zero
/// would invite an immediate retry). Used by the rate limiters, the tracking throttle and the sign-in throttle, on pages
/// and in the API.
/// </summary>
public static class TooManyRequests
{
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>For a page that shows its own message: the status and the header.</summary>
    public static void Mark(HttpResponse response, TimeSpan wait)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>For the API: a 429 ProblemDetails with the header.</summary>
    public static ProblemHttpResult Problem(HttpContext http, TimeSpan wait, string detail, string title = "请求过多")
    {
        Mark(http.Response, wait);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: title);
    }
}
