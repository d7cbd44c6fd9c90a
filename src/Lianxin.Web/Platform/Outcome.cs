using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform;

public enum OutcomeKind { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>What a use case answers; the API turns it into a status code (<see cref="OutcomeExtensions.ToApi{T}"/>), a page into a
/// form error or a redirect (<see cref="OutcomePages.ToPage{T}"/>).</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public bool IsOk => Kind == OutcomeKind.Ok;
    /// <summary>This refusal, to pass on as another use case's answer.</summary>
    public Failure AsFailure() => new(Kind, Errors, Message);
    public static implicit operator Outcome<T>(T value) => new(OutcomeKind.Ok, value);
    public static implicit operator Outcome<T>(Failure f) => new(f.Kind, default, f.Errors, f.Message);
}

/// <summary>A use case that did not happen, and why; converts to any <see cref="Outcome{T}"/>.</summary>
public sealed record Failure(OutcomeKind Kind, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public static readonly Failure NotFound = new(OutcomeKind.NotFound, Message: "未找到该记录，或它不在您的管辖范围内。");
    public static readonly Failure Forbidden = new(OutcomeKind.Forbidden, Message: "您没有执行此操作的权限。");
    public static Failure Conflict(string message) => new(OutcomeKind.Conflict, Message: message);
    public static Failure Invalid(Errors errors) => new(OutcomeKind.Invalid, errors);
    public static Failure Invalid(string field, string message) => new(OutcomeKind.Invalid, new Errors().Fail(field, message));
    public static readonly Failure Stale = Conflict(StaleMessage);
    public const string StaleMessage = "该记录已被他人修改，请刷新后重试。";
}

/// <summary>Field errors in Chinese, keyed by the request's property names.</summary>
public class Errors : Dictionary<string, string[]>
{
    public Errors Fail(string field, string message)
    {
        this[field] = TryGetValue(field, out var e) ? [.. e, message] : [message];
        return this;
    }

    public void Required(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) Fail(field, message);
    }

    public void Max(string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max) Fail(field, $"{label}不能超过 {max} 个字符。");
    }

    public bool Any => Count > 0;
}

public static class OutcomeExtensions
{
    /// <summary>Saves; a concurrent edit (the version moved on under us) is a conflict, never a silent overwrite.</summary>
    public static async Task<Failure?> SaveAsync(this LianxinDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Stale;
        }
    }

    /// <summary>For the API: 200 with the value, or the status code a client expects (400 with field errors; 404, 403 and 409 with the Chinese reason).</summary>
    public static ApiResult<Ok<T>> ToApi<T>(this Outcome<T> o) => new(o.IsOk ? TypedResults.Ok(o.Value) : o.ToProblem());

    /// <summary>As <see cref="ToApi{T}(Outcome{T})"/> with <paramref name="ok"/> for the success (201 Created, 204…); its type is the documented success.</summary>
    public static ApiResult<TSuccess> ToApi<T, TSuccess>(this Outcome<T> o, Func<T, TSuccess> ok) where TSuccess : IResult =>
        new(o.IsOk ? ok(o.Value!) : o.ToProblem());

    /// <summary>A refusal as its ProblemDetails: 400 with field errors, 404, 403 and 409 with the Chinese reason.</summary>
    public static IResult ToProblem<T>(this Outcome<T> o) => o.Kind switch
    {
        OutcomeKind.Invalid => TypedResults.ValidationProblem(o.Errors!, title: "提交的内容有误"),
        OutcomeKind.NotFound => TypedResults.Problem(o.Message ?? Failure.NotFound.Message, statusCode: StatusCodes.Status404NotFound, title: "未找到"),
        OutcomeKind.Forbidden => TypedResults.Problem(o.Message ?? Failure.Forbidden.Message, statusCode: StatusCodes.Status403Forbidden, title: "没有权限"),
        _ => TypedResults.Problem(o.Message, statusCode: StatusCodes.Status409Conflict, title: "操作未能完成"),
    };

    /// <summary>For pages: field errors under the bound model's prefix, other failures as a summary error.</summary>
    public static void CopyTo<T>(this Outcome<T> outcome, ModelStateDictionary modelState, string prefix = "Input")
    {
        if (outcome.Errors is not null)
            foreach (var (field, messages) in outcome.Errors)
                foreach (var m in messages) modelState.AddModelError(prefix == "" || field == "" ? field : $"{prefix}.{field}", m);
        else if (outcome.Message is not null)
            modelState.AddModelError("", outcome.Message);
    }
}

/// <summary>
/// The one way a page answers with an outcome (ADR 0008): not found is a 404, forbidden a 403 (the access denied page), invalid
/// input and conflicts go on the form (field errors under the bound model's prefix, the rest as a summary error) and the page is
/// shown again, and a success is whatever the page does then (usually a flash and a redirect).
/// </summary>
public static class OutcomePages
{
    public static IActionResult ToPage<T>(this Outcome<T> o, PageModel page, Func<T, IActionResult> ok, string prefix = "Input") =>
        Ends(o, page, prefix) ?? (o.IsOk ? ok(o.Value!) : page.Page());

    /// <summary>For pages that load what they show again before showing the form with its errors (null from <paramref name="reshow"/>: the page).</summary>
    public static async Task<IActionResult> ToPageAsync<T>(this Outcome<T> o, PageModel page, Func<T, IActionResult> ok, Func<Task<IActionResult?>> reshow, string prefix = "Input") =>
        Ends(o, page, prefix) ?? (o.IsOk ? ok(o.Value!) : await reshow() ?? page.Page());

    public static async Task<IActionResult> ToPageAsync<T>(this Outcome<T> o, PageModel page, Func<T, IActionResult> ok, Func<Task> reshow, string prefix = "Input")
    {
        if (Ends(o, page, prefix) is { } end) return end;
        if (o.IsOk) return ok(o.Value!);
        await reshow();
        return page.Page();
    }

    /// <summary>
    /// For a page that goes on after a use case (loading what it shows): the 404 or 403 that ends it, else null; a refusal with a
    /// reason (invalid, conflict) is put on the page first.
    /// </summary>
    public static IActionResult? Refusal<T>(this Outcome<T> o, PageModel page, string prefix = "")
    {
        if (o.Kind is OutcomeKind.NotFound) return page.NotFound();
        if (o.Kind is OutcomeKind.Forbidden) return page.Forbid();
        if (!o.IsOk) o.CopyTo(page.ModelState, prefix);
        return null;
    }

    static IActionResult? Ends<T>(Outcome<T> o, PageModel page, string prefix)
    {
        // Only the use case's Chinese messages are shown, not the framework's implicit English binding ones.
        if (o.Kind is OutcomeKind.Invalid or OutcomeKind.Conflict) page.ModelState.Clear();
        return o.Refusal(page, prefix);
    }
}
