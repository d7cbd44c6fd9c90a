using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Demands.Open311.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.OpenApi;

namespace Lianxin.Web.Modules.Demands.Open311.Api;

/// <summary>
/// Open311 GeoReport v2 at /open311/v2/: discovery and services are public; filing needs an api_key (403 without);
/// reading requests needs one too, and a key sees only its own street, because demands are residents' matters,
/// not a public feed. Errors are the spec's error documents: 400 bad input (Chinese), 403 key, 404 not found, 409 slot full.
/// </summary>
public static class Open311Endpoints
{
    public const string Base = "/open311/v2";

    /// <summary>The form fields of POST requests (the spec's); <c>attribute[code]</c> fields come on top.</summary>
    static readonly string[] SubmitFields = ["api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string", "address_id", "email",
        "first_name", "last_name", "phone", "description", "media_url"];

    public static void MapOpen311Endpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Base).AllowAnonymous().DisableAntiforgery().WithTags("Open311 GeoReport v2")
            .AddEndpointFilter(async (ctx, next) =>
            {
                // A failure never turns into the HTML error page: clients get the error document.
                try { return await next(ctx); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Open311").LogError(ex, "Open311 request failed");
                    return Open311Result.Errors(Format(ctx.HttpContext.GetRouteValue("format") as string) ?? "xml", 500, "服务内部错误，已记录，请稍后重试。");
                }
            });

        g.MapGet("/discovery.{format}", (HttpContext http, DemoOptions demo, string format) =>
                Format(format) is not { } f ? BadFormat() : new Open311Result(f, 200, "discovery", Discovery(http, demo.Enabled)))
            .Documents<Open311Discovery>(400, 404).WithSummary("服务发现（discovery.json / discovery.xml）");

        g.MapGet("/services.{format}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, DemoOptions demo, string format, string? jurisdiction_id, string? api_key, CancellationToken ct) =>
        {
            if (Format(format) is not { } f) return BadFormat();
            var caller = await Open311Keys.FindAsync(db, clock, demo, api_key, ct);
            var j = await Open311Services.ResolveAsync(org, caller, jurisdiction_id, ct);
            if (!j.IsOk) return Error(f, j);
            var list = await Open311Services.ListAsync(db, org, j.Value!, ct);
            return new Open311Result(f, 200, "services", new O311List("service", list.Select(s => (object)new O311Object(
                ("service_code", s.Code.ToString("N")), ("service_name", s.Name), ("description", s.Description), ("metadata", true),
                ("type", "realtime"), ("keywords", s.Keywords), ("group", s.Group))).ToList()));
        }).Documents<List<Open311ServiceItem>>(400, 403, 404).WithSummary("服务列表：街道的诉求类别（jurisdiction_id 为街道代码）");

        g.MapGet("/services/{code}.{format}", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, DemoOptions demo, string code, string format, string? jurisdiction_id,
            string? api_key, CancellationToken ct) =>
        {
            if (Format(format) is not { } f) return BadFormat();
            var caller = await Open311Keys.FindAsync(db, clock, demo, api_key, ct);
            var j = await Open311Services.ResolveAsync(org, caller, jurisdiction_id, ct);
            if (!j.IsOk) return Error(f, j);
            var def = await Open311Services.DefinitionAsync(db, org, places, clock, j.Value!, code, ct);
            if (!def.IsOk) return Error(f, def);
            return new Open311Result(f, 200, "service_definition", new O311Object(
                ("service_code", def.Value!.Code.ToString("N")),
                ("attributes", new O311List("attribute", def.Value.Attributes.Select(a => (object)new O311Object(
                    ("variable", true), ("code", a.Code), ("datatype", a.Datatype), ("required", a.Required),
                    ("datatype_description", a.DatatypeDescription), ("order", a.Order), ("description", a.Description),
                    ("values", new O311List("value", a.Values.Select(v => (object)new O311Object(("key", v.Key), ("name", v.Name))).ToList())))).ToList()))));
        }).Documents<Open311ServiceDefinition>(400, 403, 404).WithSummary("服务定义：须填写的属性（社区、小区；代办帮办类另有预约时段）");

        g.MapPost("/requests.{format}", async (HttpContext http, LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock, DemoOptions demo, Open311Limiter limiter, string format,
            CancellationToken ct) =>
        {
            if (Format(format) is not { } f) return BadFormat();
            if (!http.Request.HasFormContentType)
                return Open311Result.Errors(f, 400, "请以 application/x-www-form-urlencoded 表单提交。");
            IFormCollection form;
            try { form = await http.Request.ReadFormAsync(ct); }
            // A multipart body with a broken section or too large a field is the client's mistake, not the server's (issue 17).
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                return Open311Result.Errors(f, 400, "表单无法读取，请检查格式后重试。");
            }
            string? F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
            var apiKey = F("api_key");
            if (string.IsNullOrWhiteSpace(apiKey)) return Open311Result.Errors(f, 403, "缺少 api_key，不能提交诉求。");
            var caller = await Open311Keys.FindAsync(db, clock, demo, apiKey, ct);
            if (caller is null) return Open311Result.Errors(f, 403, "api_key 无效或已被吊销，不能提交诉求。");
            if (!limiter.TryAcquire(caller.ClientId, out var wait))
                return Open311Result.TooMany(f, Open311Limiter.Message, TooManyRequests.Seconds(wait));
            var j = await Open311Services.ResolveAsync(org, caller, F("jurisdiction_id"), ct);
            if (!j.IsOk) return Error(f, j);
            var submission = new Open311Submission
            {
                ServiceCode = F("service_code"), Lat = F("lat"), Long = F("long"), AddressString = F("address_string"), AddressId = F("address_id"),
                Email = F("email"), FirstName = F("first_name"), LastName = F("last_name"), Phone = F("phone"), Description = F("description"),
                MediaUrl = F("media_url"),
                Attributes = form.Where(kv => kv.Key.StartsWith("attribute[", StringComparison.Ordinal) && kv.Key.EndsWith(']'))
                    .ToDictionary(kv => kv.Key["attribute[".Length..^1].TrimEnd('[', ']'), kv => kv.Value.ToString()),
            };
            var created = await Open311Requests.SubmitAsync(db, org, places, pd, clock, caller, j.Value!, submission, http.Request.Headers["Idempotency-Key"].FirstOrDefault(), ct);
            if (!created.IsOk) return Error(f, created);
            return new Open311Result(f, 200, "service_requests", new O311List("request", [new O311Object(
                ("service_request_id", created.Value!.ServiceRequestId), ("service_notice", created.Value.ServiceNotice), ("account_id", null))]));
        }).Documents<List<Open311RequestCreated>>(400, 403, 404, 409, 429)
            .AcceptsForm(SubmitFields, required: ["api_key", "service_code"]).WithSummary("提交诉求（表单；须 api_key；Idempotency-Key 重试只登记一次）");

        g.MapGet("/requests.{format}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, DemoOptions demo, string format, string? jurisdiction_id, string? api_key,
            string? service_request_id, string? service_code, string? start_date, string? end_date, string? status, CancellationToken ct) =>
        {
            if (Format(format) is not { } f) return BadFormat();
            if (await CallerAsync(db, clock, demo, f, api_key, ct) is not { } caller) return KeyError(f, api_key);
            var j = await Open311Services.ResolveAsync(org, caller, jurisdiction_id, ct);
            if (!j.IsOk) return Error(f, j);
            var list = await Open311Requests.ListAsync(db, org, clock, j.Value!, new Open311Query
            {
                ServiceRequestId = service_request_id, ServiceCode = service_code, StartDate = start_date, EndDate = end_date, Status = status,
            }, ct);
            if (!list.IsOk) return Error(f, list);
            return new Open311Result(f, 200, "service_requests", new O311List("request", list.Value!.Select(Request).ToList()));
        }).Documents<List<Open311ServiceRequest>>(400, 403, 404).WithSummary("查询诉求（默认近 90 天，最多 1000 条；须 api_key，只能查本街道）");

        g.MapGet("/requests/{id}.{format}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, DemoOptions demo, string id, string format, string? jurisdiction_id,
            string? api_key, CancellationToken ct) =>
        {
            if (Format(format) is not { } f) return BadFormat();
            if (await CallerAsync(db, clock, demo, f, api_key, ct) is not { } caller) return KeyError(f, api_key);
            var j = await Open311Services.ResolveAsync(org, caller, jurisdiction_id, ct);
            if (!j.IsOk) return Error(f, j);
            var one = await Open311Requests.GetAsync(db, org, j.Value!, id, ct);
            if (!one.IsOk) return Error(f, one);
            return new Open311Result(f, 200, "service_requests", new O311List("request", [Request(one.Value!)]));
        }).Documents<List<Open311ServiceRequest>>(400, 403, 404).WithSummary("查询一件诉求的状态（受理编号）");

        g.MapGet("/tokens/{token}.{format}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, DemoOptions demo, string token, string format, string? jurisdiction_id,
            string? api_key, CancellationToken ct) =>
        {
            if (Format(format) is not { } f) return BadFormat();
            if (await CallerAsync(db, clock, demo, f, api_key, ct) is not { } caller) return KeyError(f, api_key);
            var j = await Open311Services.ResolveAsync(org, caller, jurisdiction_id, ct);
            if (!j.IsOk) return Error(f, j);
            var id = await Open311Requests.TokenAsync(db, org, caller, token, ct);
            if (!id.IsOk) return Error(f, id);
            return new Open311Result(f, 200, "service_requests", new O311List("request", [new O311Object(("service_request_id", id.Value), ("token", token))]));
        }).Documents<List<Open311Token>>(400, 403, 404).WithSummary("由 token（提交时的 Idempotency-Key）查受理编号");
    }

    /// <summary>A demo deployment (made-up district, demo keys) calls itself a test endpoint, as the spec's type field means.</summary>
    static O311Object Discovery(HttpContext http, bool demo) => new(
        ("changeset", "2026-11-25T00:00:00+08:00"),
        ("contact", "连心平台 · 各街道党建办（群众诉求 Open311 接口）"),
        ("key_service", "api_key 由街道工作人员在“Open311 接口”页面签发（每个客户端一把，可随时吊销）。"),
        ("endpoints", new O311List("endpoint", [new O311Object(
            ("specification", "http://wiki.open311.org/GeoReport_v2"),
            ("url", $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Base}"),
            ("changeset", "2026-11-25T00:00:00+08:00"),
            ("type", demo ? "test" : "production"),
            ("formats", new O311List("format", ["text/xml", "application/json"])))])));

    static object Request(Open311RequestDto r) => new O311Object(
        ("service_request_id", r.ServiceRequestId), ("status", r.Status), ("status_notes", r.StatusNotes), ("service_name", r.ServiceName),
        ("service_code", r.ServiceCode.ToString("N")), ("description", r.Description), ("agency_responsible", r.AgencyResponsible),
        ("service_notice", r.ServiceNotice), ("requested_datetime", r.RequestedAt), ("updated_datetime", r.UpdatedAt),
        ("expected_datetime", r.ExpectedAt), ("address", r.Address), ("address_id", r.AddressId), ("zipcode", null),
        ("lat", r.Lat), ("long", r.Long), ("media_url", r.MediaUrl));

    static string? Format(string? format) => format?.ToLowerInvariant() switch { "json" => "json", "xml" => "xml", _ => null };

    static Open311Result BadFormat() => Open311Result.Errors("xml", 404, "不支持的格式：请以 .json 或 .xml 结尾。");

    static async Task<Open311Caller?> CallerAsync(LianxinDb db, TimeProvider clock, DemoOptions demo, string f, string? key, CancellationToken ct) =>
        await Open311Keys.FindAsync(db, clock, demo, key, ct);

    static Open311Result KeyError(string f, string? key) => Open311Result.Errors(f, 403, string.IsNullOrWhiteSpace(key)
        ? "缺少 api_key：诉求涉及居民事务，仅向已登记的客户端开放查询。"
        : "api_key 无效或已被吊销。");

    /// <summary>A use case's failure as the error document: each field message a 400 error, else 404 / 403 with the message.</summary>
    static Open311Result Error<T>(string f, Outcome<T> o) => o.Kind switch
    {
        OutcomeKind.Invalid => Open311Result.Errors(f, 400, o.Errors!.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}：{m}")).ToArray()),
        OutcomeKind.NotFound => Open311Result.Errors(f, 404, o.Message ?? "未找到。"),
        OutcomeKind.Forbidden => Open311Result.Errors(f, 403, o.Message ?? "没有权限。"),
        // A broken business rule (the slot filled up): the request was well-formed, so not a 400.
        OutcomeKind.Conflict => Open311Result.Errors(f, 409, o.Message ?? "请求与当前状态冲突。"),
        _ => Open311Result.Errors(f, 400, o.Message ?? "请求未能完成。"),
    };
}
