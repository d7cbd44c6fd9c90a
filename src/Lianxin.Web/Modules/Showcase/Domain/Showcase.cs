using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Showcase.Domain;

/// <summary>A party-building brand (党建品牌) of a unit: its story, photos, and the pledges and co-building projects it stands on.</summary>
public class Brand : Entity, IOrgScoped, IVersioned
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public string Story { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<BrandLinkKind>))]
public enum BrandLinkKind { Pledge, Project }

/// <summary>A pledge (Pledges) or co-building project (CoBuilding) a brand refers to, by id: titles are read through their directories.</summary>
public class BrandLink : Entity, IOrgScoped
{
    public Guid BrandId { get; set; }
    public string OrgPath { get; set; } = "";
    public BrandLinkKind Kind { get; set; }
    public Guid TargetId { get; set; }
}

/// <summary>A model site (示范点) named by the street or district, reviewed again by <see cref="ReviewDueOn"/>; its score comes from Reviews.</summary>
public class ModelSite : Entity, IOrgScoped, IVersioned
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Note { get; set; }
    public DateOnly NamedOn { get; set; }
    public DateOnly ReviewDueOn { get; set; }
    public int Version { get; set; }
}

/// <summary>Who is honoured at which level (先进党组织, 优秀共产党员, 好媳妇, X贤榜样…).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HonourLevel>))]
public enum HonourLevel { National, Province, City, District, Street, Community }

[JsonConverter(typeof(JsonStringEnumConverter<RecipientKind>))]
public enum RecipientKind { Unit, Member, Resident }

/// <summary>
/// An honour (荣誉) recorded by a unit. A resident recipient is only a name (no phone, no ID): the honour is public praise,
/// not a register of people. <see cref="RecipientName"/> keeps the name shown (a unit's or member's as of recording) for search.
/// </summary>
public class Honour : Entity, IOrgScoped, IVersioned
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public HonourLevel Level { get; set; }
    public string AwardingBody { get; set; } = "";
    public DateOnly AwardedOn { get; set; }
    public RecipientKind RecipientKind { get; set; }
    public Guid? RecipientUnitId { get; set; }
    public Guid? MemberId { get; set; }
    public string RecipientName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>Where a news item goes out (any combination).</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<NewsChannels>))]
public enum NewsChannels { None = 0, WeChat = 1, OrgWork = 2, XuexiQiangguo = 4, Website = 8 }

/// <summary>Draft → Submitted → (Returned → Submitted …) → Published. Only Published is on the public page.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NewsState>))]
public enum NewsState { Draft, Submitted, Returned, Published }

/// <summary>A news item (宣传稿件) written by a community or branch, reviewed by the street before it goes out.</summary>
public class NewsItem : Entity, IOrgScoped, IVersioned
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public NewsChannels Channels { get; set; }
    public NewsState State { get; set; }
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReturnReason { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int Version { get; set; }
}

public static class ShowcaseRules
{
    public static string Chinese(this HonourLevel l) => l switch
    {
        HonourLevel.National => "国家级", HonourLevel.Province => "省级", HonourLevel.City => "市级", HonourLevel.District => "区级",
        HonourLevel.Street => "街道级", HonourLevel.Community => "社区级", _ => l.ToString(),
    };

    public static string Chinese(this RecipientKind k) => k switch
    {
        RecipientKind.Unit => "党组织", RecipientKind.Member => "党员", RecipientKind.Resident => "居民", _ => k.ToString(),
    };

    public static string Chinese(this NewsState s) => s switch
    {
        NewsState.Draft => "草稿", NewsState.Submitted => "待街道审核", NewsState.Returned => "已退回", NewsState.Published => "已发布", _ => s.ToString(),
    };

    public static readonly NewsChannels[] AllChannels = [NewsChannels.WeChat, NewsChannels.OrgWork, NewsChannels.XuexiQiangguo, NewsChannels.Website];

    public static string Chinese(this NewsChannels c) => c switch
    {
        NewsChannels.WeChat => "公众号", NewsChannels.OrgWork => "组工号", NewsChannels.XuexiQiangguo => "学习强国", NewsChannels.Website => "网站",
        _ => string.Join("、", AllChannels.Where(x => c.HasFlag(x)).Select(x => x.Chinese())),
    };

    public static NewsChannels Combine(IEnumerable<NewsChannels>? channels) => (channels ?? []).Aggregate(NewsChannels.None, (a, c) => a | c);

    public static IReadOnlyList<NewsChannels> Split(NewsChannels c) => AllChannels.Where(x => c.HasFlag(x)).ToList();

    /// <summary>The author may change the text while it is theirs: a draft, or returned by the street.</summary>
    public static bool Editable(NewsState s) => s is NewsState.Draft or NewsState.Returned;

    /// <summary>Past its review date and not reviewed again: the list shows it in red.</summary>
    public static bool ReviewDue(DateOnly reviewDueOn, DateOnly today) => reviewDueOn < today;
}
