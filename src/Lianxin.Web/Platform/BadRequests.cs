using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Lianxin.Web.Platform;

/// <summary>
/// Input the API could not even bind (a truncated JSON body, <c>?PageSize=abc</c>, a missing required query
/// parameter, <c>null</c> for a list or in a list) is the client's mistake: a 400 naming the field, in Chinese, in every
/// environment, never a 500 and never a handler that runs on half-bound input.
/// </summary>
public static partial class BadRequests
{
    public static IServiceCollection AddBadRequestAnswers(this IServiceCollection services)
    {
        // Outside Development the framework answers a bare 400 without saying which field; throwing lets one place describe it.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RefuseNullLists).WithAddedModifier(RefuseNullItems).WithAddedModifier(RefuseUndefinedEnums);
            o.SerializerOptions.Converters.Add(new ControlCharacters.Converter());
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.ModelBinderProviders.Insert(0, new ControlCharacters.BinderProvider()));
        return services;
    }

    /// <summary>A list or map declared non-nullable refuses a JSON <c>null</c> (a 400 naming it) instead of reaching a handler as null.</summary>
    static void RefuseNullLists(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var nullability = new NullabilityInfoContext();
        foreach (var p in type.Properties)
            if (p.PropertyType != typeof(string) && p.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable))
                && p.Set is { } set && p.AttributeProvider is PropertyInfo info && nullability.Create(info).WriteState == NullabilityState.NotNull)
                // IsSetNullable would need RespectNullableAnnotations, which also fails responses carrying a stray null.
                p.Set = (target, value) => set(target, value ?? throw new JsonException($"'{p.Name}' does not accept null."));
    }

    /// <summary>
    /// <c>{"scores":[null]}</c> is a 400 naming the list, never a null item in a handler. Checked once the object is read,
    /// because a record bound through its constructor has no setter to wrap; the schema (OpenAPI) is untouched, which a
    /// converter would hide. A list declared with nullable items (<c>List&lt;string?&gt;</c>) keeps its nulls.
    /// </summary>
    static void RefuseNullItems(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var nullability = new NullabilityInfoContext();
        var lists = type.Properties.Where(p => p.Get is not null && p.AttributeProvider is PropertyInfo info && ItemsNotNull(nullability.Create(info))).ToList();
        if (lists.Count == 0) return;
        var before = type.OnDeserialized;
        type.OnDeserialized = target =>
        {
            before?.Invoke(target);
            foreach (var p in lists)
                if (p.Get!(target) is System.Collections.IEnumerable items)
                    foreach (var item in items)
                        if (item is null) throw new NullItem(p.Name);
        };
    }

    /// <summary>
    /// The enum converters also read numbers, so <c>{"owner": 12345}</c> would store a kind that does not exist: a value with
    /// no name is a 400 naming the field. Checked once the object is read, as <see cref="RefuseNullItems"/>.
    /// </summary>
    static void RefuseUndefinedEnums(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var enums = type.Properties.Where(p => p.Get is not null && (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).IsEnum).ToList();
        if (enums.Count == 0) return;
        var before = type.OnDeserialized;
        type.OnDeserialized = target =>
        {
            before?.Invoke(target);
            foreach (var p in enums)
                if (p.Get!(target) is Enum value && !Named(value)) throw new UndefinedValue(p.Name);
        };
    }

    /// <summary>A value of its enum, or for a [Flags] enum a combination of its values.</summary>
    static bool Named(Enum value)
    {
        var t = value.GetType();
        if (!t.IsDefined(typeof(FlagsAttribute), false)) return Enum.IsDefined(t, value);
        var all = Enum.GetValues(t).Cast<Enum>().Aggregate(0UL, (bits, v) => bits | Convert.ToUInt64(v));
        return (Convert.ToUInt64(value) & ~all) == 0;
    }

    /// <summary>A field of the body held a number that names no value of its enum.</summary>
    public sealed class UndefinedValue(string field) : JsonException("undefined enum value")
    {
        public string Field { get; } = field;
    }

    /// <summary>A list (not a string or a map) whose items are declared non-nullable.</summary>
    static bool ItemsNotNull(NullabilityInfo info)
    {
        var t = info.Type;
        if (t == typeof(string) || !t.IsAssignableTo(typeof(System.Collections.IEnumerable))
            || t.IsAssignableTo(typeof(System.Collections.IDictionary)) || t.Name.Contains("Dictionary", StringComparison.Ordinal)) return false;
        var item = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
        // Value-typed items cannot be null: the reader refuses a null int itself.
        return item is not null && !item.Type.IsValueType && item.ReadState == NullabilityState.NotNull;
    }

    /// <summary>A list of the body held a null item; <see cref="Describe"/> names the list.</summary>
    public sealed class NullItem(string list) : JsonException("null item")
    {
        public string List { get; } = list;
    }

    /// <summary>The field errors of a request that failed to bind, keyed as the client named the field.</summary>
    public static Dictionary<string, string[]> Describe(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            if (json is ControlCharacters.Refused) return new() { [field] = [ControlCharacters.Message(field)] };
            if (json is UndefinedValue undefined)
            {
                var name = field == "body" ? undefined.Field : field + "." + undefined.Field;
                return new() { [name] = [$"“{name}”的取值不在可选范围内。"] };
            }
            if (json is NullItem item)
            {
                // Thrown once the object holding the list is read: the path is the object's, the list is named by the exception.
                var list = field == "body" ? item.List : field + "." + item.List;
                return new() { [list] = [$"“{list}”列表中不能有空项（null），请删除空项后重试。"] };
            }
            var why = json.Message.Contains("null", StringComparison.Ordinal) ? $"“{field}”不能为空（null），没有内容时请传空列表 []。"
                : field == "body" ? "请求正文不是完整有效的 JSON。"
                : $"“{field}”的值类型或格式不正确（或请求正文在此处中断）。";
            return new() { [field] = [why] };
        }
        if (Parameter().Match(e.Message) is { Success: true } m)
        {
            var name = m.Groups["name"].Value;
            if (e.Message.StartsWith("Required", StringComparison.Ordinal) || e.Message.StartsWith("Implicit", StringComparison.Ordinal))
                return e.Message.Contains("body", StringComparison.Ordinal)
                    ? new() { ["body"] = ["请求正文不能为空。"] }
                    : new() { [name] = [$"缺少必填参数“{name}”。"] };
            if (e.Message.Contains("request body", StringComparison.Ordinal))
                return new() { ["body"] = ["请求正文无法读取，请检查格式。"] };
            return new() { [name] = [$"“{name}”的值“{m.Groups["value"].Value}”格式不正确。"] };
        }
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new() { ["Content-Type"] = ["请以 application/json 提交。"] };
        return new() { ["body"] = ["请求格式有误。"] };
    }

    // The framework's own wording: Failed to bind parameter "Nullable<int> PageSize" from "abc". / Required parameter "Guid streetId" was not provided from query string.
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^ \"]+)\"(?: from \"(?<value>[^\"]*)\")?", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
