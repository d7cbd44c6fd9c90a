using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lianxin.Web.Modules.Members.Features;

public enum OutcomeKind { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>What a use case answers, read the same way by its API endpoint and its page.</summary>
public class Outcome<T>
{
    public OutcomeKind Kind { get; private init; }
    public T? Value { get; private init; }
    public Dictionary<string, string[]> Errors { get; private init; } = [];
    public string? Message { get; private init; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new() { Kind = OutcomeKind.Ok, Value = value };
    public static Outcome<T> Invalid(Dictionary<string, string[]> errors) => new() { Kind = OutcomeKind.Invalid, Errors = errors };
    public static Outcome<T> Invalid(string field, string message) => Invalid(new() { [field] = [message] });
    public static Outcome<T> NotFound() => new() { Kind = OutcomeKind.NotFound };
    public static Outcome<T> Forbidden() => new() { Kind = OutcomeKind.Forbidden };
    public static Outcome<T> Conflict(string message) => new() { Kind = OutcomeKind.Conflict, Message = message };

    public Outcome<TOther> As<TOther>() => new() { Kind = Kind, Errors = Errors, Message = Message };

    public Results<Ok<T>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult> ToApi() => Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(Value!),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(Errors),
        OutcomeKind.NotFound => TypedResults.NotFound(),
        OutcomeKind.Forbidden => TypedResults.Forbid(),
        _ => TypedResults.Problem(Message, statusCode: StatusCodes.Status409Conflict),
    };

    /// <summary>Puts validation errors and conflicts on a page's form (field names prefixed like the bound property).</summary>
    public void AddTo(ModelStateDictionary state, string prefix = "")
    {
        foreach (var (field, messages) in Errors)
            foreach (var m in messages) state.AddModelError(field == "" ? "" : prefix + field, m);
        if (Kind == OutcomeKind.Conflict) state.AddModelError("", Message ?? "操作与当前状态冲突。");
    }
}

/// <summary>Collects field errors of a request in Chinese.</summary>
public class Problems
{
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool Any => Errors.Count > 0;

    public void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public Outcome<T> As<T>() => Outcome<T>.Invalid(Errors);
}
