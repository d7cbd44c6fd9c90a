using Microsoft.Extensions.DependencyInjection;
using Lianxin.Web.Platform.Privacy;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Open311.Domain;
using Lianxin.Web.Modules.Demands.Open311.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Open311;

/// <summary>
/// Open311 GeoReport v2 on the shared demo database, every response checked against the embedded JSON schemas
/// (or parsed as XML). The demo client's key belongs to 东湖街道 (QH01); tests issue their own keys where they revoke.
/// </summary>
[Collection(AppCollection.Name)]
public class Open311Tests(LianxinApp app)
{
    const string Key = Open311Keys.DemoKey;
    const string V2 = "/open311/v2";

    record Place(string StreetCode, string CommunityCode, Guid CompoundId, Dictionary<string, Guid> Categories, string OtherStreetCode, Guid OtherStreetId,
        Guid EastStreetId);

    Place Heping() => app.WithDb(db =>
    {
        var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var street = db.OrgUnits.First(u => u.Id == community.ParentId);
        var other = db.OrgUnits.Where(u => u.Kind == OrgKind.Street && u.Id != street.Id).OrderBy(u => u.Code).First();
        var compound = db.Compounds.First(c => c.CommunityId == community.Id && c.GridId != null && c.BranchId == null);
        var cats = db.DemandCategories.Where(c => c.StreetId == street.Id).ToDictionary(c => c.Name, c => c.Id);
        return new Place(street.Code, community.Code, compound.Id, cats, other.Code, other.Id, street.Id);
    });

    static Dictionary<string, string> Filing(Place p, string text, string key = Key, string category = "设施维修") => new()
    {
        ["api_key"] = key, ["jurisdiction_id"] = p.StreetCode, ["service_code"] = p.Categories[category].ToString("N"),
        ["attribute[community]"] = p.CommunityCode, ["attribute[compound]"] = p.CompoundId.ToString("N"),
        ["lat"] = "30.5928", ["long"] = "114.3055", ["address_string"] = "3号楼东侧",
        ["description"] = text, ["email"] = "zhou.fang@example.com", ["first_name"] = "芳", ["last_name"] = "周", ["phone"] = "13966668888",
        ["media_url"] = "https://img.example.org/p/1.jpg",
    };

    static Task<HttpResponseMessage> Post(HttpClient c, Dictionary<string, string> form, string format = "json", string? idempotencyKey = null)
    {
        var msg = new HttpRequestMessage(HttpMethod.Post, $"{V2}/requests.{format}") { Content = new FormUrlEncodedContent(form) };
        if (idempotencyKey is not null) msg.Headers.Add("Idempotency-Key", idempotencyKey);
        return c.SendAsync(msg);
    }

    static async Task<string> Body(HttpResponseMessage r) => await r.Content.ReadAsStringAsync();

    async Task<string> FileAsync(Place p, string text, string key = Key)
    {
        var r = await Post(app.CreateClient(), Filing(p, text, key));
        var body = await Body(r);
        Assert.True(r.StatusCode == HttpStatusCode.OK, body);
        await Open311Schemas.AssertValidAsync("request-created", body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>An error document in JSON: the status, schema-valid, its descriptions.</summary>
    static async Task<string> AssertError(HttpResponseMessage r, HttpStatusCode status)
    {
        var body = await Body(r);
        Assert.True(r.StatusCode == status, $"{(int)r.StatusCode} {body}");
        await Open311Schemas.AssertValidAsync("errors", body);
        var errors = JsonDocument.Parse(body).RootElement;
        Assert.All(errors.EnumerateArray(), e => Assert.Equal((int)status, e.GetProperty("code").GetInt32()));
        return string.Join("\n", errors.EnumerateArray().Select(e => e.GetProperty("description").GetString()));
    }

    int DemandsWith(string text) => app.WithDb(db => db.Demands.Count(d => d.Description == text));

    [Fact]
    public async Task Discovery_names_the_endpoint_in_json_and_xml()
    {
        var anon = app.CreateClient();
        var r = await anon.GetAsync($"{V2}/discovery.json");
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        var json = await Body(r);
        await Open311Schemas.AssertValidAsync("discovery", json);
        var endpoint = JsonDocument.Parse(json).RootElement.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Contains("application/json", endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var xr = await anon.GetAsync($"{V2}/discovery.xml");
        Assert.Equal("text/xml", xr.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await Body(xr));
        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.Equal(["text/xml", "application/json"], xml.Root.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));

        var bad = await anon.GetAsync($"{V2}/discovery.html");
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }

    [Fact]
    public async Task Services_list_the_streets_categories_in_json_and_xml()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var json = await Body(await anon.GetAsync($"{V2}/services.json?jurisdiction_id={p.StreetCode}"));
        await Open311Schemas.AssertValidAsync("services", json);
        var services = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var env = services.Single(s => s.GetProperty("service_name").GetString() == "环境卫生");
        Assert.Equal(p.Categories["环境卫生"].ToString("N"), env.GetProperty("service_code").GetString());
        Assert.True(env.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", env.GetProperty("type").GetString());

        var xr = await anon.GetAsync($"{V2}/services.xml?jurisdiction_id={p.StreetCode}");
        Assert.Equal("text/xml", xr.Content.Headers.ContentType?.MediaType);
        var text = await Body(xr);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        var xml = XDocument.Parse(text);
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var xs = xml.Root.Elements("service").ToList();
        Assert.Equal(services.Count, xs.Count);
        Assert.Equal(services.Select(s => s.GetProperty("service_code").GetString()), xs.Select(x => x.Element("service_code")!.Value));
        Assert.Contains(xs, x => x.Element("service_name")!.Value == "环境卫生" && x.Element("metadata")!.Value == "true");

        // Several streets share the endpoint: the jurisdiction must be named, and must exist.
        Assert.Contains("jurisdiction_id", await AssertError(await anon.GetAsync($"{V2}/services.json"), HttpStatusCode.BadRequest));
        Assert.Contains("未找到辖区", await AssertError(await anon.GetAsync($"{V2}/services.json?jurisdiction_id=NOPE"), HttpStatusCode.NotFound));
        var xmlError = await anon.GetAsync($"{V2}/services.xml?jurisdiction_id=NOPE");
        Assert.Equal(HttpStatusCode.NotFound, xmlError.StatusCode);
        var errors = XDocument.Parse(await Body(xmlError)).Root!;
        Assert.Equal("errors", errors.Name.LocalName);
        Assert.Equal("404", errors.Element("error")!.Element("code")!.Value);
        Assert.Contains("未找到辖区", errors.Element("error")!.Element("description")!.Value);
    }

    [Fact]
    public async Task A_service_definition_asks_for_the_community_and_offers_the_compounds()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var json = await Body(await anon.GetAsync($"{V2}/services/{p.Categories["设施维修"]:N}.json?jurisdiction_id={p.StreetCode}"));
        await Open311Schemas.AssertValidAsync("service-definition", json);
        var attrs = JsonDocument.Parse(json).RootElement.GetProperty("attributes").EnumerateArray().ToList();
        var community = attrs.Single(a => a.GetProperty("code").GetString() == "community");
        Assert.True(community.GetProperty("required").GetBoolean());
        Assert.Contains(community.GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == p.CommunityCode && v.GetProperty("name").GetString() == "和平社区");
        Assert.Contains(attrs.Single(a => a.GetProperty("code").GetString() == "compound").GetProperty("values").EnumerateArray(),
            v => v.GetProperty("key").GetString() == p.CompoundId.ToString("N"));
        // An ordinary category books nothing: no slot to pick.
        Assert.DoesNotContain(attrs, a => a.GetProperty("code").GetString() is "slot" or "appointment_at");

        var appointment = await Body(await anon.GetAsync($"{V2}/services/{p.Categories["预约办理"]:N}.json?jurisdiction_id={p.StreetCode}"));
        await Open311Schemas.AssertValidAsync("service-definition", appointment);
        Assert.Contains("\"slot\"", appointment);
        Assert.DoesNotContain("appointment_at", appointment);

        var xml = XDocument.Parse(await Body(await anon.GetAsync($"{V2}/services/{p.Categories["设施维修"]:N}.xml?jurisdiction_id={p.StreetCode}")));
        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.Contains(xml.Root.Element("attributes")!.Elements("attribute"), a => a.Element("code")!.Value == "community" && a.Element("values")!.Elements("value").Any());

        await AssertError(await anon.GetAsync($"{V2}/services/{Guid.NewGuid():N}.json?jurisdiction_id={p.StreetCode}"), HttpStatusCode.NotFound);
        await AssertError(await anon.GetAsync($"{V2}/services/abc.json?jurisdiction_id={p.StreetCode}"), HttpStatusCode.NotFound);
        // Another street's category is not a service of this one.
        await AssertError(await anon.GetAsync($"{V2}/services/{p.Categories["设施维修"]:N}.json?jurisdiction_id={p.OtherStreetCode}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_filed_through_Open311_is_handled_by_staff_and_reads_closed_without_personal_data()
    {
        var p = Heping();
        var text = "Open311：小区3号楼路灯不亮已经一周，晚上出行不便。" + Guid.NewGuid().ToString("N")[..6];
        var id = await FileAsync(p, text);
        Assert.Matches("^SQ\\d{8}[2-9A-Z]{6}$", id);

        // It is an ordinary demand: same rules, routed to the compound's grid community, contact kept for staff only.
        var (demandId, version) = app.WithDb(db =>
        {
            var d = db.Demands.Single(x => x.TicketNo == id);
            Assert.Equal(text, d.Description);
            Assert.Equal("周芳", d.ContactName);
            Assert.Equal("13966668888", app.Services.GetRequiredService<PersonalData>().OpenPhone(d.ContactPhoneCipher));
            Assert.Equal(DemandSource.Public, d.Source);
            Assert.Equal(p.CompoundId, d.CompoundId);
            Assert.Equal(DemandLevel.Community, d.Level);
            Assert.Contains(db.DemandSteps.Where(s => s.DemandId == d.Id).ToList(), s => s.Note != null && s.Note.Contains("Open311"));
            return (d.Id, d.Version);
        });

        var anon = app.CreateClient();
        var json = await Body(await anon.GetAsync($"{V2}/requests/{id}.json?api_key={Key}"));
        await Open311Schemas.AssertValidAsync("requests", json);
        var r = JsonDocument.Parse(json).RootElement.EnumerateArray().Single();
        Assert.Equal(id, r.GetProperty("service_request_id").GetString());
        Assert.Equal("open", r.GetProperty("status").GetString());
        Assert.Equal("设施维修", r.GetProperty("service_name").GetString());
        Assert.Equal(p.Categories["设施维修"].ToString("N"), r.GetProperty("service_code").GetString());
        Assert.Equal(30.5928, r.GetProperty("lat").GetDouble());
        Assert.Equal("https://img.example.org/p/1.jpg", r.GetProperty("media_url").GetString());
        Assert.Equal("和平社区党委", r.GetProperty("agency_responsible").GetString());
        Assert.EndsWith("+08:00", r.GetProperty("requested_datetime").GetString());
        Assert.NotEqual(JsonValueKind.Null, r.GetProperty("expected_datetime").ValueKind);
        // Ids are hex and may hold any run of digits by chance ("…4ea38888…"): the phone's tail is looked for outside them.
        var withoutIds = System.Text.RegularExpressions.Regex.Replace(json, "[0-9a-f]{32}", "");
        foreach (var personal in new[] { "周芳", "13966668888", "8888", "zhou.fang", "example.com" }) Assert.DoesNotContain(personal, withoutIds);

        var secretary = await app.ApiAs("secretary");
        var accepted = await secretary.PostAsJsonAsync($"/api/v1/demands/{demandId}/steps", new { action = "Accept", version });
        Assert.True(accepted.IsSuccessStatusCode, await Body(accepted));
        var v2 = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var resolved = await secretary.PostAsJsonAsync($"/api/v1/demands/{demandId}/steps", new { action = "Resolve", note = "已更换路灯灯泡，恢复照明。", version = v2 });
        Assert.True(resolved.IsSuccessStatusCode, await Body(resolved));

        var closedJson = await Body(await anon.GetAsync($"{V2}/requests/{id}.json?api_key={Key}"));
        await Open311Schemas.AssertValidAsync("requests", closedJson);
        var closed = JsonDocument.Parse(closedJson).RootElement[0];
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Contains("已更换路灯灯泡", closed.GetProperty("status_notes").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("expected_datetime").ValueKind);
        Assert.True(DateTimeOffset.Parse(closed.GetProperty("updated_datetime").GetString()!) >= DateTimeOffset.Parse(closed.GetProperty("requested_datetime").GetString()!));

        var xml = XDocument.Parse(await Body(await anon.GetAsync($"{V2}/requests/{id}.xml?api_key={Key}")));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = xml.Root.Element("request")!;
        Assert.Equal(id, request.Element("service_request_id")!.Value);
        Assert.Equal("closed", request.Element("status")!.Value);
        Assert.DoesNotContain("13966668888", xml.ToString());

        // The list finds it among the street's closed requests, not among the open ones.
        var closedList = await Body(await anon.GetAsync($"{V2}/requests.json?api_key={Key}&status=closed"));
        await Open311Schemas.AssertValidAsync("requests", closedList);
        Assert.Contains(id, closedList);
        Assert.DoesNotContain(id, await Body(await anon.GetAsync($"{V2}/requests.json?api_key={Key}&status=open")));
    }

    [Fact]
    public async Task A_request_whistled_out_to_a_department_names_it_as_responsible()
    {
        var p = Heping();
        var id = await FileAsync(p, "Open311：人行道井盖缺失，需城管处理。" + Guid.NewGuid().ToString("N")[..6]);
        var (demandId, dept) = app.WithDb(db =>
        {
            var d = db.Demands.Single(x => x.TicketNo == id);
            return (d.Id, db.OrgUnits.Single(u => u.ParentId == p.EastStreetId && u.Kind == OrgKind.Department && u.ShortName == "城管科").Id);
        });
        async Task<int> Version(HttpClient c) => (await c.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{demandId}")).GetProperty("version").GetInt32();
        var secretary = await app.ApiAs("secretary");
        var up = await secretary.PostAsJsonAsync($"/api/v1/demands/{demandId}/steps", new { action = "Escalate", note = "需街道协调城管。", version = await Version(secretary) });
        Assert.True(up.IsSuccessStatusCode, await Body(up));
        var street = await app.ApiAs("street");
        var sent = await street.PostAsJsonAsync($"/api/v1/demands/{demandId}/dispatch", new { departmentIds = new[] { dept }, request = "请补装井盖。", version = await Version(street) });
        Assert.True(sent.IsSuccessStatusCode, await Body(sent));

        var json = await Body(await app.CreateClient().GetAsync($"{V2}/requests/{id}.json?api_key={Key}"));
        await Open311Schemas.AssertValidAsync("requests", json);
        var r = JsonDocument.Parse(json).RootElement[0];
        Assert.Equal("open", r.GetProperty("status").GetString());
        Assert.Contains("城管科", r.GetProperty("agency_responsible").GetString());
    }

    [Fact]
    public async Task A_phone_number_typed_into_the_description_is_masked_in_public_output()
    {
        var p = Heping();
        var id = await FileAsync(p, "楼道堆放杂物，请联系我13712345678或 li.si@example.net 处理。" + Guid.NewGuid().ToString("N")[..6]);
        var json = await Body(await app.CreateClient().GetAsync($"{V2}/requests.json?api_key={Key}&service_request_id={id}"));
        await Open311Schemas.AssertValidAsync("requests", json);
        Assert.Contains("137****5678", json);
        Assert.DoesNotContain("13712345678", json);
        Assert.DoesNotContain("li.si@example.net", json);
    }

    [Fact]
    public async Task Filing_without_a_valid_key_is_a_403_error_and_files_nothing()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var text = "没有密钥的提交，不应登记。" + Guid.NewGuid().ToString("N")[..6];
        var form = Filing(p, text);
        form.Remove("api_key");
        Assert.Contains("api_key", await AssertError(await Post(anon, form), HttpStatusCode.Forbidden));
        form["api_key"] = "lx311_not_a_real_key";
        Assert.Contains("api_key", await AssertError(await Post(anon, form), HttpStatusCode.Forbidden));

        var xr = await Post(anon, form, "xml");
        Assert.Equal(HttpStatusCode.Forbidden, xr.StatusCode);
        var xml = XDocument.Parse(await Body(xr)).Root!;
        Assert.Equal("errors", xml.Name.LocalName);
        Assert.Equal("403", xml.Element("error")!.Element("code")!.Value);
        Assert.Equal(0, DemandsWith(text));

        // Reading residents' requests needs a key as well.
        await AssertError(await anon.GetAsync($"{V2}/requests.json?jurisdiction_id={p.StreetCode}"), HttpStatusCode.Forbidden);
        await AssertError(await anon.GetAsync($"{V2}/requests/SQ20260101AAAAAA.json"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_input_is_a_400_or_404_error_with_a_Chinese_reason_and_files_nothing()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var text = "输入有误的提交，不应登记。" + Guid.NewGuid().ToString("N")[..6];

        var noCode = Filing(p, text);
        noCode.Remove("service_code");
        Assert.Contains("service_code", await AssertError(await Post(anon, noCode), HttpStatusCode.BadRequest));

        var unknown = Filing(p, text);
        unknown["service_code"] = Guid.NewGuid().ToString("N");
        Assert.Contains("没有服务", await AssertError(await Post(anon, unknown), HttpStatusCode.NotFound));

        var badPhone = Filing(p, text);
        badPhone["phone"] = "12345";
        Assert.Contains("联系电话格式不正确", await AssertError(await Post(anon, badPhone), HttpStatusCode.BadRequest));

        var nowhere = Filing(p, text);
        foreach (var k in new[] { "lat", "long", "address_string", "attribute[compound]" }) nowhere.Remove(k);
        Assert.Contains("请提供位置", await AssertError(await Post(anon, nowhere), HttpStatusCode.BadRequest));

        var several = Filing(p, text);
        several["attribute[community]"] = "NOPE";
        several["media_url"] = "javascript:alert(1)";
        several["lat"] = "999";
        var all = await AssertError(await Post(anon, several), HttpStatusCode.BadRequest);
        Assert.Contains("不在该街道", all);
        Assert.Contains("media_url", all);
        Assert.Contains("lat 与 long", all);

        var otherStreet = Filing(p, text);
        otherStreet["jurisdiction_id"] = p.OtherStreetCode;
        await AssertError(await Post(anon, otherStreet), HttpStatusCode.Forbidden);

        Assert.Equal(0, DemandsWith(text));

        await AssertError(await anon.GetAsync($"{V2}/requests.json?api_key={Key}&status=pending"), HttpStatusCode.BadRequest);
        Assert.Contains("90 天", await AssertError(await anon.GetAsync($"{V2}/requests.json?api_key={Key}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), HttpStatusCode.BadRequest));
        await AssertError(await anon.GetAsync($"{V2}/requests.json?api_key={Key}&start_date=yesterday"), HttpStatusCode.BadRequest);
        await AssertError(await anon.GetAsync($"{V2}/requests/SQ20260101AAAAAA.json?api_key={Key}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_resubmission_with_the_same_Idempotency_Key_files_one_demand_and_the_key_works_as_a_token()
    {
        var p = Heping();
        var text = "重复提交测试：单元门禁损坏。" + Guid.NewGuid().ToString("N")[..6];
        var anon = app.CreateClient();
        var idem = "retry-" + Guid.NewGuid().ToString("N");
        var first = await Post(anon, Filing(p, text), idempotencyKey: idem);
        var second = await Post(anon, Filing(p, text), idempotencyKey: idem);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = JsonDocument.Parse(await Body(first)).RootElement[0].GetProperty("service_request_id").GetString();
        var b = JsonDocument.Parse(await Body(second)).RootElement[0].GetProperty("service_request_id").GetString();
        Assert.Equal(a, b);
        Assert.Equal(1, DemandsWith(text));

        var token = await Body(await anon.GetAsync($"{V2}/tokens/{idem}.json?api_key={Key}"));
        await Open311Schemas.AssertValidAsync("tokens", token);
        Assert.Equal(a, JsonDocument.Parse(token).RootElement[0].GetProperty("service_request_id").GetString());
        await AssertError(await anon.GetAsync($"{V2}/tokens/nope-{Guid.NewGuid():N}.json?api_key={Key}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_only_its_hash_is_stored()
    {
        var p = Heping();
        var street = await app.ApiAs("street");
        var issued = await street.PostAsJsonAsync("/api/v1/open311/clients", new { streetId = p.EastStreetId, name = "吊销测试" + Guid.NewGuid().ToString("N")[..4], contact = "测试" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("apiKey").GetString()!;
        var clientId = body.GetProperty("client").GetProperty("id").GetGuid();
        Assert.StartsWith("lx311_", key);

        app.WithDb(db =>
        {
            var row = db.Open311Clients.Single(c => c.Id == clientId);
            Assert.Equal(ApiKey.Hash(key), row.KeyHash);
            Assert.DoesNotContain(key, row.KeyPrefix);
            Assert.False(db.AuditEntries.Any(e => e.EntityId == clientId.ToString() && e.After != null && e.After.Contains(row.KeyHash)));
            return 0;
        });

        await FileAsync(p, "新密钥可以提交诉求：垃圾桶破损。" + Guid.NewGuid().ToString("N")[..6], key);
        var listed = await street.GetFromJsonAsync<JsonElement>("/api/v1/open311/clients");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("id").GetGuid() == clientId && c.GetProperty("lastUsedAt").ValueKind != JsonValueKind.Null);

        var revoked = await street.PostAsync($"/api/v1/open311/clients/{clientId}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsync($"/api/v1/open311/clients/{clientId}/revoke", null)).StatusCode);

        var text = "吊销后的提交，不应登记。" + Guid.NewGuid().ToString("N")[..6];
        Assert.Contains("吊销", await AssertError(await Post(app.CreateClient(), Filing(p, text, key)), HttpStatusCode.Forbidden));
        await AssertError(await app.CreateClient().GetAsync($"{V2}/requests.json?api_key={key}"), HttpStatusCode.Forbidden);
        Assert.Equal(0, DemandsWith(text));
    }

    [Fact]
    public async Task A_key_of_one_street_cannot_read_another_streets_requests()
    {
        var p = Heping();
        var eastTicket = await FileAsync(p, "东湖街道的诉求：健身器材松动。" + Guid.NewGuid().ToString("N")[..6]);

        // Street staff of 东湖 cannot issue a key for 西岭; the district admin can.
        var street = await app.ApiAs("street");
        var refused = await street.PostAsJsonAsync("/api/v1/open311/clients", new { streetId = p.OtherStreetId, name = "越权", contact = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不在您的管辖范围内", await Body(refused));
        var admin = await app.ApiAs("admin");
        var issued = await admin.PostAsJsonAsync("/api/v1/open311/clients", new { streetId = p.OtherStreetId, name = "西岭客户端" + Guid.NewGuid().ToString("N")[..4], contact = "x" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var westKey = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;

        var anon = app.CreateClient();
        await AssertError(await anon.GetAsync($"{V2}/requests/{eastTicket}.json?api_key={westKey}"), HttpStatusCode.NotFound);
        await AssertError(await anon.GetAsync($"{V2}/requests.json?api_key={westKey}&jurisdiction_id={p.StreetCode}"), HttpStatusCode.Forbidden);
        var westList = await Body(await anon.GetAsync($"{V2}/requests.json?api_key={westKey}&service_request_id={eastTicket}"));
        await Open311Schemas.AssertValidAsync("requests", westList);
        Assert.Equal("[]", westList);
        Assert.Contains(eastTicket, await Body(await anon.GetAsync($"{V2}/requests.json?api_key={Key}&service_request_id={eastTicket}")));

        // Nor file into it: 西岭's key names 东湖's category and community.
        var text = "跨街道提交，不应登记。" + Guid.NewGuid().ToString("N")[..6];
        var form = Filing(p, text, westKey);
        form.Remove("jurisdiction_id");
        await AssertError(await Post(anon, form), HttpStatusCode.NotFound);
        Assert.Equal(0, DemandsWith(text));
    }

    /// <summary>A slot 和平社区's secretary publishes through the API, days ahead of the demo's (which cover two weeks).</summary>
    async Task<Guid> SlotAsync(int capacity, string[] modes, int day, string start, string end)
    {
        var community = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "和平社区党委").Id);
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(day).ToString("yyyy-MM-dd");
        var r = await (await app.ApiAs("secretary")).PostAsJsonAsync("/api/v1/demands/slots", new
        {
            communityId = community, date, startTime = start, endTime = end, capacity, modes, place = "和平社区党群服务中心三楼代办室",
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await Body(r));
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    int Booked(Guid slotId) => app.WithDb(db => db.ServiceSlots.First(s => s.Id == slotId).Booked);

    static List<JsonElement> SlotValues(string definition) =>
        JsonDocument.Parse(definition).RootElement.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "slot")
            .GetProperty("values").EnumerateArray().ToList();

    [Fact]
    public async Task A_service_on_a_residents_behalf_is_filed_with_a_free_slot_from_its_definition_and_a_full_slot_is_refused()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var slot = await SlotAsync(1, ["OnBehalf"], 52, "09:00", "10:00");
        var (startsAt, when) = app.WithDb(db => db.ServiceSlots.Where(s => s.Id == slot).AsEnumerable().Select(s => (s.StartsAt, SlotRules.Describe(s.StartsAt, s.EndsAt))).First());

        // The definition of 代办服务 asks for a slot and lists the street's free ones, ours and the demo's of both communities.
        var defUrl = $"{V2}/services/{p.Categories["代办服务"]:N}.json?jurisdiction_id={p.StreetCode}";
        var json = await Body(await anon.GetAsync(defUrl));
        await Open311Schemas.AssertValidAsync("service-definition", json);
        var attr = JsonDocument.Parse(json).RootElement.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "slot");
        Assert.True(attr.GetProperty("required").GetBoolean());
        Assert.Equal("singlevaluelist", attr.GetProperty("datatype").GetString());
        Assert.DoesNotContain("appointment_at", json);
        var values = SlotValues(json);
        Assert.Contains(values, v => v.GetProperty("key").GetString() == slot.ToString("N")
            && v.GetProperty("name").GetString() == $"和平社区 · {when} · 和平社区党群服务中心三楼代办室");
        Assert.Contains(values, v => v.GetProperty("name").GetString()!.StartsWith("幸福社区 · "));
        Assert.Contains("10:00", when);
        // The slot offers 代办 only: 预约办理's definition does not offer it.
        Assert.DoesNotContain(SlotValues(await Body(await anon.GetAsync($"{V2}/services/{p.Categories["预约办理"]:N}.json?jurisdiction_id={p.StreetCode}"))),
            v => v.GetProperty("key").GetString() == slot.ToString("N"));
        var xml = XDocument.Parse(await Body(await anon.GetAsync(defUrl.Replace(".json", ".xml"))));
        Assert.Contains(xml.Root!.Element("attributes")!.Elements("attribute"), a => a.Element("code")!.Value == "slot"
            && a.Element("values")!.Elements("value").Any(v => v.Element("key")!.Value == slot.ToString("N")));

        // Filing with it books the place; the answer and the request say when and where.
        var text = "Open311：老人行动不便，请社区代办高龄津贴申领。" + Guid.NewGuid().ToString("N")[..6];
        var form = Filing(p, text, category: "代办服务");
        form["attribute[slot]"] = slot.ToString("N");
        var created = await Post(anon, form);
        var createdBody = await Body(created);
        Assert.True(created.StatusCode == HttpStatusCode.OK, createdBody);
        await Open311Schemas.AssertValidAsync("request-created", createdBody);
        var answer = JsonDocument.Parse(createdBody).RootElement[0];
        Assert.Contains($"已预约 {when}，地点：和平社区党群服务中心三楼代办室", answer.GetProperty("service_notice").GetString());
        var id = answer.GetProperty("service_request_id").GetString()!;
        app.WithDb(db =>
        {
            var d = db.Demands.Single(x => x.TicketNo == id);
            Assert.Equal(slot, d.SlotId);
            Assert.Equal(startsAt, d.AppointmentAt);
            Assert.Equal(ServiceMode.OnBehalf, d.ServiceMode);
            return d.Id;
        });
        Assert.Equal(1, Booked(slot));

        var read = await Body(await anon.GetAsync($"{V2}/requests/{id}.json?api_key={Key}"));
        await Open311Schemas.AssertValidAsync("requests", read);
        var request = JsonDocument.Parse(read).RootElement[0];
        Assert.Equal("代办服务", request.GetProperty("service_name").GetString());
        // The same notice as the POST answered (issue 16: it used to be the appointment alone, or null without one).
        Assert.Equal(answer.GetProperty("service_notice").GetString(), request.GetProperty("service_notice").GetString());
        foreach (var personal in new[] { "周芳", "13966668888" }) Assert.DoesNotContain(personal, read);

        // Full now: the definition stops offering it, and a second filing is refused with the error document, nothing filed.
        Assert.DoesNotContain(SlotValues(await Body(await anon.GetAsync(defUrl))), v => v.GetProperty("key").GetString() == slot.ToString("N"));
        var late = "Open311：第二位居民想约同一时段。" + Guid.NewGuid().ToString("N")[..6];
        var second = Filing(p, late, category: "代办服务");
        second["attribute[slot]"] = slot.ToString("N");
        second["phone"] = "13966667777";
        var full = await AssertError(await Post(anon, second), HttpStatusCode.Conflict);
        Assert.Contains("attribute[slot]", full);
        Assert.Contains("已约满", full);
        Assert.Equal(0, DemandsWith(late));
        Assert.Equal(1, Booked(slot));
        var xmlFull = await Post(anon, second, "xml");
        Assert.Equal(HttpStatusCode.Conflict, xmlFull.StatusCode);
        Assert.Equal("409", XDocument.Parse(await Body(xmlFull)).Root!.Element("error")!.Element("code")!.Value);
        Assert.Equal(0, DemandsWith(late));
    }

    [Fact]
    public async Task A_service_filed_without_a_usable_slot_is_a_400_naming_the_slot_and_files_nothing()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var onBehalfOnly = await SlotAsync(2, ["OnBehalf"], 53, "14:00", "15:00");
        var (xingfuSlot, otherStreetSlot) = app.WithDb(db =>
        {
            var now = DateTime.UtcNow;
            var xingfu = db.OrgUnits.First(u => u.ShortName == "幸福社区党委").Id;
            var neighbour = db.ServiceSlots.Where(s => s.CommunityId == xingfu && s.StartsAt > now && s.Booked < s.Capacity).OrderBy(s => s.StartsAt).First().Id;
            // A 西岭 community's slot: real, free and offering the service, but of another street.
            var other = db.OrgUnits.First(u => u.Kind == OrgKind.Community && u.ParentId == p.OtherStreetId);
            var slot = new ServiceSlot
            {
                TenantId = other.TenantId, CommunityId = other.Id, OrgPath = other.Path, StartsAt = now.AddDays(30), EndsAt = now.AddDays(30).AddHours(1),
                Capacity = 3, Modes = SlotRules.FormatModes(SlotRules.ServiceModes), Place = "西岭便民窗口", CreatedAt = now,
            };
            db.ServiceSlots.Add(slot);
            db.SaveChanges();
            return (neighbour, slot.Id);
        });
        var text = "Open311：没有可用时段的代办，不应登记。" + Guid.NewGuid().ToString("N")[..6];

        var none = Filing(p, text, category: "代办服务");
        var missing = await AssertError(await Post(anon, none), HttpStatusCode.BadRequest);
        Assert.Contains("attribute[slot]", missing);
        Assert.Contains("需要预约，请选择预约时段", missing);

        foreach (var (key, reason) in new[]
        {
            ("明天上午", "预约时段编号格式不正确"),
            (Guid.NewGuid().ToString("N"), "不存在或不属于该社区"),
            (otherStreetSlot.ToString("N"), "不存在或不属于该社区"),
            (xingfuSlot.ToString("N"), "不存在或不属于该社区"), // 幸福社区's slot for a demand in 和平社区
        })
        {
            var form = Filing(p, text, category: "代办服务");
            form["attribute[slot]"] = key;
            var errors = await AssertError(await Post(anon, form), HttpStatusCode.BadRequest);
            Assert.Contains("attribute[slot]", errors);
            Assert.Contains(reason, errors);
        }

        // A 代办-only slot does not serve 预约办理.
        var wrongService = Filing(p, text, category: "预约办理");
        wrongService["attribute[slot]"] = onBehalfOnly.ToString("N");
        Assert.Contains("不提供“预约办", await AssertError(await Post(anon, wrongService), HttpStatusCode.BadRequest));

        Assert.Equal(0, DemandsWith(text));
        Assert.Equal(0, Booked(onBehalfOnly));
        Assert.Equal(0, Booked(otherStreetSlot));
    }

    [Fact]
    public void The_demo_key_is_refused_outside_demo_mode()
    {
        var found = app.WithDb(db => Open311Keys.FindAsync(db, TimeProvider.System, new Lianxin.Web.Platform.DemoOptions { Enabled = false }, Key, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Null(found);
        Assert.NotNull(app.WithDb(db => Open311Keys.FindAsync(db, TimeProvider.System, new Lianxin.Web.Platform.DemoOptions { Enabled = true }, Key, CancellationToken.None).GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task Street_staff_issue_a_key_on_the_page_see_it_once_and_revoke_it()
    {
        var pages = await app.PagesAs("street");
        var html = await pages.GetStringAsync("/demands/open311");
        Assert.Contains("随手拍（演示客户端）", html);
        Assert.Contains("href=\"/demands/open311\"", html); // in the side navigation
        Assert.DoesNotContain(Key, html);

        var name = "页面签发" + Guid.NewGuid().ToString("N")[..4];
        var empty = await LianxinApp.PostFormAsync(pages, "/demands/open311?handler=Issue", new() { ["Input.Name"] = "", ["Input.Contact"] = "" }, "/demands/open311");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写客户端名称", await Body(empty));

        var r = await LianxinApp.PostFormAsync(pages, "/demands/open311?handler=Issue", new() { ["Input.Name"] = name, ["Input.Contact"] = "王工 0571-8888" }, "/demands/open311");
        var page = await Body(r);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-key>(lx311_[a-z0-9]+)<").Groups[1].Value;
        Assert.True(key != "", page);
        Assert.NotEmpty(key);
        Assert.Contains("只显示这一次", page);
        var id = app.WithDb(db => db.Open311Clients.Single(c => c.Name == name).Id);
        Assert.DoesNotContain(key, await pages.GetStringAsync("/demands/open311"));

        var revoked = await LianxinApp.PostFormAsync(pages, $"/demands/open311?handler=Revoke&id={id}", new(), "/demands/open311");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.NotNull(app.WithDb(db => db.Open311Clients.Single(c => c.Id == id).RevokedAt));

        // Community staff do not manage keys.
        var secretary = await app.PagesAs("secretary");
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.GetAsync("/demands/open311")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("secretary")).GetAsync("/api/v1/open311/clients")).StatusCode);
    }
}
