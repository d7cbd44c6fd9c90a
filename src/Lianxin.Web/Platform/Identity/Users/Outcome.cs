namespace Lianxin.Web.Platform.Identity.Users;

public enum Failure { None, Invalid, NotFound, Forbidden, Conflict }

/// <summary>Why a use case refused: bad input (400), out of scope (404), not permitted (403), a rule (409).</summary>
public record Refusal(Failure Failure, string Message, Dictionary<string, string[]>? Errors = null)
{
    public static Refusal NotFound(string message = "未找到该用户。") => new(Failure.NotFound, message);
    public static Refusal Forbidden(string message) => new(Failure.Forbidden, message);
    public static Refusal Conflict(string message) => new(Failure.Conflict, message);
    public static Refusal Invalid(Dictionary<string, string[]> errors) => new(Failure.Invalid, string.Join(" ", errors.Values.SelectMany(v => v)), errors);
    public static Refusal Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A use case's answer: a value or a <see cref="Refusal"/>; the API and the pages translate it.</summary>
public sealed class Outcome<T>
{
    public T? Value { get; private init; }
    public Refusal? Refusal { get; private init; }
    public bool Ok => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new() { Value = value };
    public static implicit operator Outcome<T>(Refusal refusal) => new() { Refusal = refusal };
}

/// <summary>Collects field errors in the order they are found.</summary>
public class Errors
{
    readonly Dictionary<string, List<string>> map = [];
    public void Add(string field, string message)
    {
        if (!map.TryGetValue(field, out var list)) map[field] = list = [];
        list.Add(message);
    }
    public bool Any => map.Count > 0;
    public Refusal ToRefusal() => Refusal.Invalid(map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
}
