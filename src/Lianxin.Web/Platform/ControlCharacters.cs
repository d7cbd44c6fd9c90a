using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Lianxin.Web.Platform;

/// <summary>
/// Text from clients may not carry invisible control characters: a NUL breaks PostgreSQL text and exports, a bidi override
/// (U+202E) makes a name read backwards in lists and Excel. Tab, line feed and carriage return are fine, and so are emoji.
/// Refused once here for every string of a JSON body and of a Razor form post, with a message naming the field.
/// </summary>
public static class ControlCharacters
{
    public static bool Has(string s)
    {
        foreach (var c in s)
            if (c < 0x20 ? c is not ('\t' or '\n' or '\r')
                : c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x200E && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                  || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF)
                return true;
        return false;
    }

    public static string Message(string field) => $"“{field}”含有不可见的控制字符，请删除后重试。";

    /// <summary>
    /// A query string value with a control character is a 400 before any handler reads it: PostgreSQL refuses a NUL in
    /// text outright (a 500 from a search box), SQLite would search for it. The API and Open311 get a ProblemDetails
    /// naming the parameter, pages the 400 page.
    /// </summary>
    public static async Task RefuseInQueryString(HttpContext ctx, RequestDelegate next)
    {
        foreach (var (key, values) in ctx.Request.Query)
        {
            if (!Has(key) && !values.Any(v => v is not null && Has(v))) continue;
            if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311"))
                await Results.ValidationProblem(new Dictionary<string, string[]> { [key] = [Message(key)] }).ExecuteAsync(ctx);
            else ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(ctx);
    }

    /// <summary>Thrown while reading JSON; <see cref="BadRequests.Describe"/> answers it with <see cref="Message"/>.</summary>
    public sealed class Refused() : JsonException("control characters");

    /// <summary>Every JSON string the API reads; writing is untouched.</summary>
    public sealed class Converter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.GetString();
            return s is not null && Has(s) ? throw new Refused() : s;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>
    /// Every string a Razor page binds from a form or query. Not every page checks ModelState before its use case runs, so the
    /// request stops here: the 400 error page shows <see cref="FormRefused"/>'s message, and nothing is saved.
    /// </summary>
    public sealed class BinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(string)
                ? new Binder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }

    public sealed class FormRefused(string message) : BadHttpRequestException(message, StatusCodes.Status400BadRequest);

    sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result.Model is string s && Has(s))
                throw new FormRefused(Message(context.ModelMetadata.DisplayName ?? context.ModelMetadata.Name ?? context.ModelName));
        }
    }
}
