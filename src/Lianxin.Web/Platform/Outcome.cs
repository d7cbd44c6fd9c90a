using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform;

public enum OutcomeKind { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>What a use case answers; the API turns it into a status code, a page into a form error or a redirect.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public bool IsOk => Kind == OutcomeKind.Ok;
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

    /// <summary>For pages: field errors under the bound model's prefix, other failures as a summary error.</summary>
    public static void CopyTo<T>(this Outcome<T> outcome, ModelStateDictionary modelState, string prefix = "Input")
    {
        if (outcome.Errors is not null)
            foreach (var (field, messages) in outcome.Errors)
                foreach (var m in messages) modelState.AddModelError(prefix == "" ? field : $"{prefix}.{field}", m);
        else if (outcome.Message is not null)
            modelState.AddModelError("", outcome.Message);
    }
}
