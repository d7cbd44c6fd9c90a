using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Reviews.Contracts;

public static class ReviewPermissions
{
    /// <summary>Run rounds, rubrics, publish, reopen sheets, amend, verify rectifications.</summary>
    public static readonly Permission ReviewManage = new("ReviewManage", "组织观摩考评：细则、轮次、发布、复核整改", Role.DistrictAdmin, Role.StreetStaff);
    /// <summary>Sit on a panel and score.</summary>
    public static readonly Permission ReviewScore = new("ReviewScore", "作为评委打分", Role.Reviewer);
    /// <summary>See published results and the unit's rectifications, report progress on them.</summary>
    public static readonly Permission ReviewView = new("ReviewView", "查看考评结果与整改任务",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    /// <summary>Name branches as the year's 五星支部 重点培养对象 (the street, or a community for its own branches) and take them off.</summary>
    public static readonly Permission StarCultivate = new("StarCultivate", "确定五星支部重点培养对象",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary);

    public static IReadOnlyList<Permission> All { get; } = [ReviewManage, ReviewScore, ReviewView, StarCultivate];
}
