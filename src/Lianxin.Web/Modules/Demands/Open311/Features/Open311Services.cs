using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Open311.Features;

/// <summary>A jurisdiction is a street; its <c>jurisdiction_id</c> is the street's code (e.g. QH01).</summary>
public record Jurisdiction(Guid StreetId, string Code, string Path, string Name);

public record Open311Service(Guid Code, string Name, string Description, string Group, string Keywords);

public record AttributeValue(string Key, string Name);

public record ServiceAttribute(string Code, string Datatype, bool Required, string DatatypeDescription, int Order, string Description,
    IReadOnlyList<AttributeValue> Values);

public record ServiceDefinition(Guid Code, IReadOnlyList<ServiceAttribute> Attributes);

/// <summary>
/// Services are the street's demand categories; their definition asks for the community (and optionally the compound),
/// and for services on a resident's behalf (代办·帮办·陪办·预约办) one of the street's free appointment slots.
/// </summary>
public static class Open311Services
{
    public const string Community = "community";
    public const string Compound = "compound";
    public const string Slot = "slot";
    /// <summary>The phone the demand is followed up on, advertised as a required attribute (the spec's phone field is optional, ADR 0030).</summary>
    public const string ContactPhone = "contact_phone";

    public static Failure Missing(string message) => new(OutcomeKind.NotFound, Message: message);
    public static Failure Refused(string message) => new(OutcomeKind.Forbidden, Message: message);

    /// <summary>
    /// The street a call is about: <paramref name="jurisdictionId"/> when given, else the key's street. A key may
    /// only name its own street (403); an unknown code is a 404; neither key nor code is a 400 (this endpoint serves several streets).
    /// </summary>
    public static async Task<Outcome<Jurisdiction>> ResolveAsync(OrgDirectory org, Open311Caller? caller, string? jurisdictionId, CancellationToken ct)
    {
        var code = DemandFlow.Blank(jurisdictionId);
        OrgUnitRef? street;
        if (code is not null)
        {
            // Public facts (street names and codes), read without the scope filter as the public intake does.
            street = (await org.InDistrictAsync(ct, true, OrgKind.Street)).FirstOrDefault(u => u.Code == code);
            if (street is null) return Missing($"未找到辖区 jurisdiction_id={code}（应为街道代码）。");
            if (caller is not null && street.Id != caller.StreetId) return Refused("该 api_key 只能访问其所属街道的诉求，不能访问其他辖区。");
        }
        else if (caller is not null)
            street = await org.FindInDistrictAsync(caller.StreetId, ct) ?? throw new InvalidOperationException($"Street {caller.StreetId} of an Open311 client is missing.");
        else
            return Failure.Invalid("jurisdiction_id", "请提供 jurisdiction_id（街道代码）：本接口服务多个街道。");
        return new Jurisdiction(street.Id, street.Code, street.Path, street.ShortName.Replace("党工委", ""));
    }

    public static async Task<List<Open311Service>> ListAsync(LianxinDb db, OrgDirectory org, Jurisdiction j, CancellationToken ct) =>
        (await Categories.ForStreetAsync(db, org, j.StreetId, ct)).Select(ToService).ToList();

    static Open311Service ToService(DemandCategory c) => new(c.Id, c.Name,
        $"{c.DefaultLevel.Chinese()}首办；{c.ResponseHours:0.#} 个工作小时内响应，{c.ResolveDays} 个工作日内办结。"
            + (c.ServiceMode == ServiceMode.None ? "" : "须选择预约时段（服务定义中的 slot）。"),
        c.ServiceMode == ServiceMode.None ? "群众诉求" : "代办帮办",
        c.ServiceMode == ServiceMode.None ? c.Name : $"{c.Name}, {c.ServiceMode.Chinese()}");

    public static async Task<Outcome<DemandCategory>> CategoryAsync(LianxinDb db, OrgDirectory org, Jurisdiction j, string? serviceCode, CancellationToken ct)
    {
        var code = DemandFlow.Blank(serviceCode);
        if (code is null) return Failure.Invalid("service_code", "请提供 service_code（见服务列表 services）。");
        var category = Guid.TryParse(code, out var id) ? (await Categories.ForStreetAsync(db, org, j.StreetId, ct)).FirstOrDefault(c => c.Id == id) : null;
        if (category is null) return Missing($"该辖区没有服务 service_code={code}。");
        return category;
    }

    public static async Task<Outcome<ServiceDefinition>> DefinitionAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, Jurisdiction j, string? serviceCode, CancellationToken ct)
    {
        var found = await CategoryAsync(db, org, j, serviceCode, ct);
        if (!found.IsOk) return new Failure(found.Kind, found.Errors, found.Message);
        var category = found.Value!;
        var communities = await CommunitiesAsync(org, j, ct);
        var names = communities.ToDictionary(c => c.Id, c => c.Name);
        var compounds = await places.CompoundRoutesInDistrictAsync(communities.Select(c => c.Id), ct);
        var attributes = new List<ServiceAttribute>
        {
            new(Community, "singlevaluelist", true, "选择一个社区", 1, "诉求发生在哪个社区？",
                communities.Select(c => new AttributeValue(c.Key, c.Name)).ToList()),
            new(Compound, "singlevaluelist", false, "选择一个小区（可不选，改填 address_string）", 2, "在哪个小区？选了小区，诉求直接转到该小区所在网格。",
                compounds.OrderBy(c => names[c.CommunityId]).ThenBy(c => c.Name)
                    .Select(c => new AttributeValue(c.Id.ToString("N"), $"{names[c.CommunityId]} · {c.Name}")).ToList()),
            // A generic client only asks for what the definition lists: the phone we require is listed here (the spec's own phone field is accepted too).
            new(ContactPhone, "string", true, "手机号（可带 +86）或带区号的固定电话，也可填在标准字段 phone 中", 4,
                "联系电话：工作人员据此回访，居民凭受理编号和手机号后四位查询进度。", []),
        };
        if (category.ServiceMode != ServiceMode.None)
        {
            // Filing such a service books a place (SubmitDemand requires it), so the client picks from what is free now.
            var slots = new List<AttributeValue>();
            foreach (var c in communities)
                foreach (var s in await ServiceSlots.FreeAsync(db, clock, c.Id, category.ServiceMode, ct))
                    slots.Add(new(s.Id.ToString("N"), $"{c.Name} · {s.When} · {s.Place}"));
            attributes.Add(new(Slot, "singlevaluelist", true, "选择一个预约时段（须与 community 为同一社区）", 3,
                $"“{category.ServiceMode.Chinese()}”须预约：选择办理的时段和地点。列表只含尚有名额的时段；约满时请重新读取服务定义。", slots));
        }
        return new ServiceDefinition(category.Id, attributes);
    }

    public record CommunityChoice(Guid Id, string Key, string Name);

    /// <summary>The street's active communities; a community's key is its code (its id where it has none).</summary>
    public static async Task<List<CommunityChoice>> CommunitiesAsync(OrgDirectory org, Jurisdiction j, CancellationToken ct) =>
        (await org.InDistrictAsync(ct, true, OrgKind.Community)).Where(u => u.ParentId == j.StreetId)
        .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal)
        .Select(u => new CommunityChoice(u.Id, u.Code != "" ? u.Code : u.Id.ToString("N"), u.ShortName.Replace("党委", "").Replace("党总支", "").Replace("党支部", "")))
        .ToList();
}
