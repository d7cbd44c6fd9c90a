namespace Lianxin.Web.Platform.OpenApi;

/// <summary>
/// What each tag of the API groups (ADR 0032): one per module, plus a "(public)" tag for a module's anonymous endpoints and the
/// platform's own. A new tag gets its line here; <c>OpenApiContractTests</c> fails on a tag without one.
/// </summary>
public static class ApiTags
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["Auth"] = "登录令牌：签发、刷新、当前用户及其授权（Bearer token for mobile clients and integrations）。",
        ["Audit"] = "审计日志：谁在何时改了什么，哈希链防篡改（append-only audit log）。",
        ["Notifications"] = "站内通知：未读数、列表、标为已读（in-app notifications）。",
        ["Calendar"] = "工作日历：节假日与调休，截止日期按工作日计算（working-day calendar）。",
        ["Files"] = "附件与照片：按权限下载原图和缩略图（stored files and thumbnails）。",
        ["Users"] = "用户与角色：账号、在组织单元上的授权（users and role grants at org units）。",
        ["Organizations"] = "组织架构：区、街道、社区、网格、支部、小区、楼栋、住户（the org tree, grid and places）。",
        ["Members"] = "党员管理：名册、双报到、流动党员、转接、导入导出（party members roster）。",
        ["Demands"] = "群众诉求：受理、分派、办理、督办、评价（residents' demands: intake, dispatch, handling, rating）。",
        ["Demands (public)"] = "群众诉求公开入口：居民提交、查询进度、评价、预约（anonymous resident endpoints）。",
        ["Demands · services"] = "代办帮办服务：预约时段、照片（service slots and demand photos）。",
        ["Open311 GeoReport v2"] = "Open311 GeoReport v2 标准接口：路由与错误文档按规范，不可更改（the Open311 standard, routes fixed by the spec）。",
        ["Open311 clients"] = "Open311 客户端密钥：签发、列表、吊销（api_key management）。",
        ["Pledges"] = "我为群众办实事：承诺、审核、进度、公示（pledges and their progress）。",
        ["Pledges (public)"] = "承诺公示栏：居民可见的承诺与进度（the public pledge board）。",
        ["Reviews"] = "星级评定：评分细则、轮次、评分表、问题与整改（rubrics, rounds, score sheets, findings）。",
        ["CoBuilding"] = "共驻共建：单位、需求、资源、项目、协议、联盟（co-building units, needs, resources, projects）。",
        ["Rollups"] = "汇总报表：街道、社区的季度指标与对比导出（quarterly roll-ups and comparisons）。",
        ["OrgLife"] = "组织生活：三会一课、培训、走访、计划（meetings, training, visits, plans）。",
        ["Volunteering"] = "志愿服务：队伍、活动、报名、签到与时长（teams, activities, sign-ups, hours）。",
        ["PointsBank"] = "积分银行：积分账本、商家、兑换（points ledger and merchants）。",
        ["PointsBank (public)"] = "积分银行公开入口：商家核销等（anonymous points endpoints）。",
        ["Deliberation"] = "协商议事：议题、议事会、表决（motions and councils）。",
        ["Deliberation (public)"] = "居民提议：匿名提交议题（anonymous motions）。",
        ["Mediation"] = "矛盾调解：案件、调解记录、附件（mediation cases）。",
        ["Targets"] = "重点目标：年度目标与进度（key targets）。",
        ["Venues"] = "阵地场所：场地、房间、预约（venues, rooms, bookings）。",
        ["PartyWork"] = "党务工作：发展党员、换届、后备干部、整顿（recruitment, committees, rectification）。",
        ["Showcase"] = "品牌展示：品牌、表彰、新闻（brands, commendations, news）。",
        ["Showcase (public)"] = "品牌展示公开页：居民可见的品牌与新闻（the public showcase）。",
        ["Campaigns"] = "专项行动：行动、巡查、问题与任务（campaigns, inspections, findings, tasks）。",
    };
}
