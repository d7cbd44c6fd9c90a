using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Showcase.Contracts;

public static class ShowcasePermissions
{
    /// <summary>See brands, model sites, honours and news of one's units.</summary>
    public static readonly Permission View = new("ShowcaseView", "查看党建品牌、示范点、荣誉与宣传稿件",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Record and edit brands and honours of one's units.</summary>
    public static readonly Permission Manage = new("ShowcaseManage", "维护党建品牌与荣誉",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    /// <summary>Name model sites (示范点) and set their review dates: the street's or district's call.</summary>
    public static readonly Permission SiteManage = new("ShowcaseSiteManage", "命名与复核示范点", Role.DistrictAdmin, Role.StreetStaff);

    /// <summary>Write news items and submit them to the street.</summary>
    public static readonly Permission NewsWrite = new("ShowcaseNewsWrite", "撰写并提交宣传稿件",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Approve (publish) or return submitted news items.</summary>
    public static readonly Permission NewsReview = new("ShowcaseNewsReview", "审核发布宣传稿件", Role.DistrictAdmin, Role.StreetStaff);

    public static IReadOnlyList<Permission> All { get; } = [View, Manage, SiteManage, NewsWrite, NewsReview];
}
