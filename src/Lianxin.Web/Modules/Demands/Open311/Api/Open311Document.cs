using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Lianxin.Web.Modules.Demands.Open311.Api;

/// <summary>An element with named children, in the order the spec lists them.</summary>
public sealed class O311Object(params (string Name, object? Value)[] fields)
{
    public IReadOnlyList<(string Name, object? Value)> Fields { get; } = fields;
}

/// <summary>A repeated element (<c>&lt;services&gt;&lt;service/&gt;…</c>); a JSON array under the Spark convention.</summary>
public sealed record O311List(string Item, IReadOnlyList<object> Items);

/// <summary>
/// One GeoReport v2 response, written as XML (schemaless, no namespace, UTF-8 declaration) or as its JSON
/// mapping (the Spark convention: a list element becomes an array, its item name disappears).
/// Times go out in ISO 8601 with the Beijing offset (+08:00).
/// </summary>
public sealed class Open311Result(string format, int status, string root, object body) : IResult
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public int Status => status;

    /// <summary>Seconds before the client may try again (a 429's Retry-After header).</summary>
    public int? RetryAfterSeconds { get; private init; }

    /// <summary>429 with Retry-After: the client's key filed too many requests in the window.</summary>
    public static Open311Result TooMany(string format, string description, int retryAfterSeconds) =>
        new(format, 429, "errors", new O311List("error", [new O311Object(("code", 429), ("description", description))])) { RetryAfterSeconds = retryAfterSeconds };

    public static string Time(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Beijing).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The standard error document; <paramref name="status"/> also goes in each error's code.</summary>
    public static Open311Result Errors(string format, int status, params string[] descriptions) =>
        new(format, status, "errors", new O311List("error", descriptions.Select(d => (object)new O311Object(("code", status), ("description", d))).ToList()));

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        if (RetryAfterSeconds is { } wait) http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        var xml = format == "xml";
        http.Response.ContentType = xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
        var bytes = xml ? Xml() : Json();
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    public byte[] Json()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(w, body);
        return ms.ToArray();
    }

    static void WriteJson(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: w.WriteNumberValue(d); break;
            case DateTime t: w.WriteStringValue(Time(t)); break;
            case O311Object o:
                w.WriteStartObject();
                foreach (var (name, value) in o.Fields)
                {
                    w.WritePropertyName(name);
                    WriteJson(w, value);
                }
                w.WriteEndObject();
                break;
            case O311List l:
                w.WriteStartArray();
                foreach (var item in l.Items) WriteJson(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
        }
    }

    public byte[] Xml()
    {
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false }))
        {
            w.WriteStartDocument();
            w.WriteStartElement(root);
            WriteXml(w, body);
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return ms.ToArray();
    }

    static void WriteXml(XmlWriter w, object? v)
    {
        switch (v)
        {
            case null: break;
            case O311Object o:
                foreach (var (name, value) in o.Fields)
                {
                    w.WriteStartElement(name);
                    WriteXml(w, value);
                    w.WriteEndElement();
                }
                break;
            case O311List l:
                foreach (var item in l.Items)
                {
                    w.WriteStartElement(l.Item);
                    WriteXml(w, item);
                    w.WriteEndElement();
                }
                break;
            case bool b: w.WriteString(b ? "true" : "false"); break;
            case DateTime t: w.WriteString(Time(t)); break;
            case double d: w.WriteString(d.ToString("R", CultureInfo.InvariantCulture)); break;
            default: w.WriteString(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
        }
    }
}
