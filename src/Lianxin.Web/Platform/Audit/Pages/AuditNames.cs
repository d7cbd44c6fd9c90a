using System.Text.RegularExpressions;
using Lianxin.Web.Platform.Localization;

namespace Lianxin.Web.Platform.Audit.Pages;

/// <summary>
/// The audit log stores the code's names (entity "DemandStep", field "CreatedAt"); the page shows names a reader
/// knows: Chinese from these tables, English by spelling the code's name out ("Demand step", "Created at").
/// Fields are named word by word, so a new field needs at most a new word here.
/// </summary>
public static partial class AuditNames
{
    public static string Entity(string entity) =>
        Text.IsEnglish ? Spell(entity) : Entities.TryGetValue(entity, out var zh) ? zh : Words(entity);

    public static string Field(string field)
    {
        // Entries written by hand (a unit's move, a members import) hold camel-case JSON: "rows" is the word "Rows".
        if (field.Length > 0 && char.IsAsciiLetterLower(field[0])) field = char.ToUpperInvariant(field[0]) + field[1..];
        return Text.IsEnglish ? Spell(field) : Fields.TryGetValue(field, out var zh) ? zh : Words(field);
    }

    /// <summary>"CreatedAt" → "Created at".</summary>
    static string Spell(string name)
    {
        var words = Split(name).ToList();
        return words.Count == 0 ? name : string.Join(' ', words.Select((w, i) => i == 0 || IsAcronym(w) ? w : w.ToLowerInvariant()));
    }

    static bool IsAcronym(string w) => w.Length > 1 && w.All(char.IsUpper);

    /// <summary>Chinese word by word; "Is" and "Id" are left out where they add nothing a reader needs.</summary>
    static string Words(string name)
    {
        var parts = Split(name).Select(w => WordsZh.TryGetValue(w, out var zh) ? zh : w).Where(w => w.Length > 0).ToList();
        return parts.Count == 0 ? name : string.Concat(parts);
    }

    static IEnumerable<string> Split(string name) => PascalWord().Matches(name).Select(m => m.Value);

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")] private static partial Regex PascalWord();

    static readonly Dictionary<string, string> Entities = new()
    {
        ["AppUser"] = "用户", ["RoleGrant"] = "角色授权", ["Account"] = "账号", ["OrgUnit"] = "组织", ["OrgPosition"] = "组织职务",
        ["OrgUnitChange"] = "组织变更", ["OrgUnitMove"] = "组织迁移", ["Grid"] = "网格", ["Compound"] = "小区", ["Building"] = "楼栋", ["Household"] = "住户",
        ["BuildingLeader"] = "楼栋长", ["Tenant"] = "区县", ["CalendarDay"] = "工作日历", ["StoredFile"] = "文件", ["ImportJob"] = "导入任务",
        ["Notification"] = "通知", ["InboxItem"] = "待办", ["InboxEntry"] = "收件箱条目", ["OutboxEvent"] = "待发事件", ["JobLease"] = "任务租约",
        ["UnitCounts"] = "组织统计", ["OrgTreeVersion"] = "组织树版本", ["Member"] = "党员", ["MemberStatusChange"] = "党员状态变更", ["MemberTransfer"] = "组织关系转接",
        ["MemberFeed"] = "党员动态", ["DualReport"] = "双报到", ["Post"] = "岗位", ["PostClaim"] = "认岗", ["ResponsibilityZone"] = "责任区",
        ["ZoneMember"] = "责任区党员", ["CentralHousehold"] = "党员中心户", ["CentralHouseholdDuty"] = "中心户职责",
        ["CentralHouseholdLink"] = "中心户联系户", ["CentralHouseholdRecommendation"] = "中心户推荐", ["MobileMembership"] = "流动党员",
        ["Recruit"] = "发展对象", ["RecruitEntry"] = "发展党员记录", ["RecruitStep"] = "发展党员步骤", ["CultivationTarget"] = "培养对象",
        ["Demand"] = "诉求", ["DemandCategory"] = "诉求类别", ["DemandStep"] = "诉求办理步骤", ["DemandStreetSettings"] = "街道诉求设置",
        ["ServiceSlot"] = "预约时段", ["Pledge"] = "实事", ["PledgeTask"] = "实事任务", ["PledgeUpdate"] = "实事进展", ["PledgeDemand"] = "实事关联诉求",
        ["ReviewRound"] = "观摩轮次", ["RoundUnit"] = "参评组织", ["Rubric"] = "评分细则", ["ScoreSheet"] = "评分表", ["Finding"] = "发现问题",
        ["Rectification"] = "整改任务", ["RectificationProgress"] = "整改进展", ["RectificationTask"] = "整改事项", ["RectifyCriterion"] = "整改标准",
        ["StarAward"] = "星级评定", ["UnitReview"] = "组织评议", ["UnitRemark"] = "组织评语", ["Panelist"] = "评委",
        ["Committee"] = "支部委员会", ["CommitteeSeat"] = "委员职位", ["CommitteeMeeting"] = "委员会会议", ["CommitteeAttendance"] = "委员会出席",
        ["CommitteeDecision"] = "委员会决定", ["Election"] = "换届选举", ["TermRule"] = "任期规则", ["ReserveCadre"] = "后备干部",
        ["BranchRectification"] = "软弱涣散整顿", ["BranchFeed"] = "支部动态", ["Campaign"] = "专项行动", ["CampaignFinding"] = "专项行动发现问题",
        ["CampaignPlace"] = "专项行动点位", ["ChecklistItem"] = "检查项", ["Inspection"] = "检查", ["InspectionAnswer"] = "检查结果",
        ["Meeting"] = "会议", ["MeetingAttendance"] = "参会记录", ["MeetingPlan"] = "会议计划", ["MeetingRule"] = "会议规则",
        ["PlannedMeeting"] = "计划会议", ["OrgLifeSettings"] = "组织生活设置", ["HouseholdVisit"] = "入户走访", ["Dispatch"] = "调度",
        ["DispatchItem"] = "调度事项", ["DispatchMeeting"] = "调度会", ["TrainingSession"] = "培训", ["TrainingRecord"] = "培训记录",
        ["PartnerUnit"] = "共建单位", ["Need"] = "需求", ["Resource"] = "资源", ["NeedMatch"] = "需求对接", ["CoProject"] = "共建项目",
        ["ProjectMilestone"] = "项目节点", ["ProjectParty"] = "项目参与方", ["Agreement"] = "共建协议", ["Alliance"] = "党建联盟",
        ["AllianceMember"] = "联盟成员", ["CatalogueItem"] = "共建清单项", ["Obligation"] = "共建义务", ["Team"] = "志愿服务队",
        ["TeamMember"] = "队员", ["Activity"] = "志愿活动", ["Signup"] = "活动报名", ["Merchant"] = "商家", ["GoodDeed"] = "好人好事",
        ["EarnRate"] = "积分标准", ["Redemption"] = "积分兑换", ["RefusedScan"] = "未成功的兑换", ["Settlement"] = "结算", ["ExpiryNotice"] = "积分到期提醒", ["Transfer"] = "积分转赠",
        ["Motion"] = "议题", ["MotionMeeting"] = "议事会", ["Amendment"] = "修改意见", ["Convention"] = "居民公约", ["ConventionVersion"] = "公约版本",
        ["OwnersCommittee"] = "业主委员会", ["OwnersCommitteeMember"] = "业委会成员", ["RedCommitteeRule"] = "红色业委会规则",
        ["PropertyArrangement"] = "物业服务", ["MediationCase"] = "调解案件", ["MediationParty"] = "调解当事人", ["MediationSession"] = "调解过程",
        ["MediationTeamMember"] = "调解员", ["KeyTarget"] = "重点任务", ["TargetAssignment"] = "任务分解", ["TargetEvidence"] = "任务佐证",
        ["Venue"] = "阵地", ["VenueCheck"] = "阵地检查", ["Room"] = "功能室", ["RoomBooking"] = "功能室预约", ["Brand"] = "党建品牌",
        ["BrandLink"] = "品牌关联", ["ModelSite"] = "示范点", ["Honour"] = "荣誉", ["NewsItem"] = "宣传稿件", ["AuditEntry"] = "审计记录", ["PendingSeal"] = "待加密列", ["DataProtectionKeyRow"] = "登录密钥",
        ["Open311Client"] = "Open311 客户端", ["Open311Request"] = "Open311 请求", ["IdentityUserClaim`1"] = "用户声明",
        ["IdentityUserLogin`1"] = "外部登录", ["IdentityUserToken`1"] = "用户令牌",
    };

    static readonly Dictionary<string, string> Fields = new()
    {
        ["Id"] = "编号", ["TenantId"] = "区县", ["OrgUnitId"] = "所属组织", ["OrgPath"] = "组织路径", ["Path"] = "路径",
        ["CreatedAt"] = "创建时间", ["UpdatedAt"] = "更新时间", ["Version"] = "版本", ["RowVersion"] = "版本", ["Name"] = "名称",
        ["Status"] = "状态", ["Kind"] = "类型", ["Title"] = "标题", ["Description"] = "说明", ["Note"] = "备注", ["Notes"] = "备注",
        ["UserName"] = "用户名", ["DisplayName"] = "显示名称", ["PasswordHash"] = "密码", ["SecurityStamp"] = "安全戳",
        ["ConcurrencyStamp"] = "并发标记", ["SearchText"] = "检索文本", ["Received"] = "受理件数", ["Responded"] = "已响应", ["RespondedInTime"] = "按时响应", ["Timed"] = "计时件数", ["Unsatisfied"] = "不满意", ["FriendlyName"] = "名称", ["Xml"] = "密钥内容", ["IsActive"] = "启用", ["Phone"] = "电话", ["PhoneNumber"] = "电话", ["Email"] = "邮箱",
        ["IdNumberCipher"] = "身份证号（加密）", ["IdNumberHash"] = "身份证号（检索码）", ["Detail"] = "详情",
        ["OpenTasksAtExit"] = "退出时未完成任务", ["DaysToSettle"] = "议定天数", ["SignInFailureCount"] = "登录失败次数", ["AccessFailedCount"] = "登录失败次数",
        ["LedByBranch"] = "由党组织领导", ["SetByUnitId"] = "设定组织", ["ReplacedById"] = "替换为", ["TwoFactorEnabled"] = "双因素认证",
        ["LockoutEnabled"] = "允许锁定", ["LockoutEnd"] = "锁定截止", ["NormalizedEmail"] = "邮箱（规范化）", ["NormalizedUserName"] = "用户名（规范化）",
        ["ReversesId"] = "冲销记录", ["TrimMinReviewers"] = "去掉最高最低分的最少评委数", ["CompoundsWithOwnBranch"] = "单独建支部的小区数",
        ["BuildingsWithLeader"] = "有楼栋长的楼栋数", ["GridsWithBranch"] = "建支部的网格数", ["RemindDaysAhead"] = "提前提醒天数", ["MergedIntoId"] = "并入",
        ["LoginProvider"] = "登录方式", ["ProviderKey"] = "登录方式标识", ["FollowUp"] = "回访", ["FollowUpDue"] = "回访日期", ["FollowUpNote"] = "回访情况",
        ["NeedsFollowUp"] = "需要回访",
        ["ActiveDistricts"] = "有效区委数", ["ActiveStreets"] = "有效街道党工委数", ["ActiveCommunities"] = "有效社区党委数",
        ["ActiveBranches"] = "有效党支部数", ["ActiveGroups"] = "有效党小组数", ["ActiveDepartments"] = "有效职能部门数",
    };

    /// <summary>Words of the code's names. A missing word shows as itself: add it here.</summary>
    static readonly Dictionary<string, string> WordsZh = new()
    {
        ["Id"] = "编号", ["Ids"] = "编号", ["Is"] = "", ["At"] = "时间", ["On"] = "日期", ["By"] = "人", ["Of"] = "", ["For"] = "", ["To"] = "至",
        ["From"] = "起", ["In"] = "", ["Per"] = "每", ["With"] = "", ["Into"] = "", ["Up"] = "", ["Out"] = "外", ["Can"] = "可", ["No"] = "号",
        ["Absence"] = "缺席", ["Abstain"] = "弃权", ["Accepted"] = "接受", ["Account"] = "账号", ["Action"] = "操作", ["Active"] = "有效",
        ["Activity"] = "活动", ["Actor"] = "操作人", ["Address"] = "地址", ["Adopted"] = "采纳", ["After"] = "之后", ["Against"] = "反对",
        ["Agenda"] = "议程", ["Agreement"] = "协议", ["Alliance"] = "联盟", ["All"] = "全部", ["Amount"] = "数额", ["Answer"] = "答案",
        ["Applied"] = "申请", ["Appointment"] = "预约", ["Approved"] = "批准", ["Area"] = "面积", ["Assignment"] = "分解", ["Attendance"] = "出勤",
        ["Attendees"] = "参会人员", ["Audience"] = "对象", ["Author"] = "作者", ["Available"] = "可用", ["Average"] = "平均", ["Awarded"] = "授予",
        ["Balance"] = "余额", ["Bank"] = "银行", ["Before"] = "之前", ["Birth"] = "出生", ["Board"] = "榜单", ["Body"] = "正文", ["Bonus"] = "奖励",
        ["Booked"] = "预约", ["Booker"] = "预约人", ["Branch"] = "支部", ["Brand"] = "品牌", ["Budget"] = "预算", ["Building"] = "楼栋",
        ["Calendar"] = "日历", ["Campaign"] = "专项行动", ["Cancelled"] = "取消", ["Capacity"] = "容量", ["Card"] = "卡片", ["Case"] = "案件",
        ["Category"] = "类别", ["Cause"] = "原因", ["Central"] = "中心", ["Change"] = "变更", ["Checked"] = "检查", ["Claim"] = "认领",
        ["Claimed"] = "认领", ["Client"] = "客户端", ["Closed"] = "关闭", ["Closes"] = "截止", ["Code"] = "代码", ["Comment"] = "意见",
        ["Committee"] = "委员会", ["Community"] = "社区", ["Completed"] = "完成", ["Compound"] = "小区", ["Confirmed"] = "确认",
        ["Contact"] = "联系人", ["Content"] = "内容", ["Count"] = "数", ["Coverage"] = "覆盖", ["Created"] = "创建", ["Credit"] = "收入",
        ["Criteria"] = "标准", ["Current"] = "当前", ["Data"] = "数据", ["Date"] = "日期", ["Day"] = "日", ["Days"] = "天数", ["Deadline"] = "截止时间",
        ["Debit"] = "支出", ["Decided"] = "决定", ["Decision"] = "决定", ["Default"] = "默认", ["Delivered"] = "送达", ["Demand"] = "诉求",
        ["Department"] = "部门", ["Departments"] = "部门", ["Depositor"] = "存入人", ["Depth"] = "层级", ["Description"] = "说明",
        ["Detail"] = "详情", ["Disabled"] = "停用", ["Dispatched"] = "派发", ["Display"] = "显示", ["Dissolved"] = "撤销", ["Done"] = "完成",
        ["Due"] = "到期", ["Duty"] = "职责", ["Duties"] = "职责", ["Edited"] = "编辑", ["Education"] = "学历", ["Election"] = "选举",
        ["Email"] = "邮箱", ["Employment"] = "就业", ["Enabled"] = "启用", ["End"] = "结束", ["Ended"] = "结束", ["Ends"] = "结束",
        ["Enrolled"] = "报名", ["Entity"] = "对象", ["Entry"] = "记录", ["Error"] = "错误", ["Ethnicity"] = "民族", ["Event"] = "事件",
        ["Evidence"] = "佐证", ["Exited"] = "退出", ["Expires"] = "过期", ["Expiry"] = "过期", ["Extended"] = "延期", ["Family"] = "家庭",
        ["Female"] = "女性", ["Figures"] = "数据", ["File"] = "文件", ["Filed"] = "提交", ["Finding"] = "问题", ["Finished"] = "完成",
        ["First"] = "首次", ["Floor"] = "楼层", ["Floors"] = "层数", ["Focus"] = "重点", ["Followed"] = "跟进", ["Founded"] = "成立",
        ["Frozen"] = "冻结", ["Fulfilled"] = "兑现", ["Full"] = "全", ["Gender"] = "性别", ["Goal"] = "目标", ["Grant"] = "授权", ["Granted"] = "授予",
        ["Grid"] = "网格", ["Handled"] = "处理", ["Handler"] = "处理人", ["Hash"] = "哈希", ["Held"] = "召开", ["Home"] = "家庭", ["Host"] = "主持人",
        ["Hour"] = "小时", ["Hours"] = "时长", ["Household"] = "住户", ["Households"] = "户", ["Import"] = "导入", ["Imported"] = "导入", ["Inspected"] = "检查",
        ["Inspector"] = "检查人", ["Instructor"] = "授课人", ["Ip"] = "IP", ["Issued"] = "下达", ["Item"] = "事项", ["Items"] = "事项",
        ["Joined"] = "加入", ["Key"] = "密钥", ["Kind"] = "类型", ["Last"] = "最近", ["Lat"] = "纬度", ["Late"] = "逾期", ["Lead"] = "牵头",
        ["Leader"] = "负责人", ["Level"] = "级别", ["Liaison"] = "联络员", ["Limit"] = "上限", ["Link"] = "链接", ["Listed"] = "列入",
        ["Lock"] = "锁定", ["Long"] = "经度", ["Manual"] = "手工", ["Max"] = "最多", ["Measure"] = "措施", ["Meeting"] = "会议",
        ["Member"] = "党员", ["Members"] = "成员", ["Memo"] = "备忘", ["Merchant"] = "商家", ["Met"] = "满足", ["Min"] = "最少",
        ["Minutes"] = "会议记录", ["Mobile"] = "流动", ["Mode"] = "方式", ["Modes"] = "方式", ["Month"] = "月份", ["Motion"] = "议题",
        ["Name"] = "名称", ["Need"] = "需求", ["New"] = "新", ["Next"] = "下次", ["Note"] = "备注", ["Notes"] = "备注", ["Notice"] = "通知",
        ["Number"] = "号码", ["Occurred"] = "发生", ["Office"] = "办公室", ["Opened"] = "开放", ["Opens"] = "开始", ["Order"] = "顺序",
        ["Move"] = "迁移", ["Org"] = "组织", ["Organiser"] = "组织者", ["Original"] = "原", ["Outcome"] = "结果", ["Overdue"] = "超期", ["Owner"] = "负责人",
        ["Parent"] = "上级", ["Participants"] = "参与人", ["Partner"] = "共建", ["Party"] = "党", ["Password"] = "密码", ["Path"] = "路径",
        ["Pending"] = "待定", ["Percent"] = "百分比", ["Period"] = "期间", ["Person"] = "人员", ["Phone"] = "电话", ["Photo"] = "照片",
        ["Photos"] = "照片", ["Place"] = "地点", ["Plan"] = "计划", ["Planned"] = "计划", ["Pledge"] = "实事", ["Points"] = "积分",
        ["Position"] = "职务", ["Post"] = "岗位", ["Processed"] = "处理", ["Progress"] = "进度", ["Project"] = "项目", ["Promised"] = "承诺",
        ["Property"] = "物业", ["Proposed"] = "提出", ["Proposer"] = "提议人", ["Published"] = "发布", ["Purpose"] = "用途", ["Quantity"] = "数量",
        ["Quota"] = "名额", ["Raised"] = "提出", ["Rank"] = "排名", ["Rate"] = "比率", ["Rated"] = "评价", ["Rating"] = "评价", ["Read"] = "已读",
        ["Reason"] = "原因", ["Receipt"] = "回执", ["Recipient"] = "接收人", ["Recorded"] = "记录", ["Rectification"] = "整改",
        ["Redemptions"] = "兑换", ["Ref"] = "关联", ["Reflection"] = "心得", ["Rejected"] = "退回", ["Remark"] = "评语", ["Remarks"] = "备注",
        ["Reminded"] = "提醒", ["Removed"] = "移除", ["Reported"] = "报到", ["Request"] = "请求", ["Residence"] = "居住地", ["Resident"] = "居民",
        ["Resolved"] = "办结", ["Resource"] = "资源", ["Response"] = "答复", ["Responsible"] = "责任", ["Result"] = "结果", ["Review"] = "评议",
        ["Reviewed"] = "审核", ["Reviewer"] = "评委", ["Revoked"] = "吊销", ["Role"] = "角色", ["Room"] = "功能室", ["Round"] = "轮次",
        ["Rubric"] = "细则", ["Rule"] = "规则", ["Satisfied"] = "满意", ["Score"] = "得分", ["Seat"] = "职位", ["Seats"] = "名额",
        ["Secretary"] = "书记", ["Section"] = "部分", ["Sent"] = "发送", ["Seq"] = "序号", ["Sequence"] = "序号", ["Service"] = "服务",
        ["Session"] = "场次", ["Settled"] = "结算", ["Severity"] = "严重程度", ["Sheet"] = "评分表", ["Short"] = "简", ["Signed"] = "签订",
        ["Size"] = "大小", ["Skills"] = "特长", ["Slot"] = "时段", ["Sort"] = "排序", ["Source"] = "来源", ["Sqm"] = "平方米", ["Staff"] = "工作人员",
        ["Stage"] = "阶段", ["Star"] = "星级", ["Stars"] = "星级", ["Start"] = "开始", ["Started"] = "开始", ["Starts"] = "开始", ["State"] = "状态",
        ["Status"] = "状态", ["Step"] = "步骤", ["Stock"] = "库存", ["Story"] = "事迹", ["Street"] = "街道", ["Submitted"] = "提交",
        ["Summary"] = "摘要", ["Target"] = "任务", ["Task"] = "任务", ["Team"] = "队伍", ["Tenant"] = "区县", ["Term"] = "届期", ["Text"] = "文本",
        ["Theme"] = "主题", ["Threshold"] = "阈值", ["Ticket"] = "受理编号", ["Time"] = "时间", ["Title"] = "标题", ["Token"] = "令牌",
        ["Topic"] = "议题", ["Total"] = "合计", ["Transfer"] = "转接", ["Type"] = "类型", ["Unit"] = "组织", ["Units"] = "组织", ["Updated"] = "更新",
        ["Url"] = "链接", ["Used"] = "使用", ["User"] = "用户", ["Value"] = "值", ["Venue"] = "阵地", ["Verified"] = "核实", ["Version"] = "版本",
        ["Visit"] = "走访", ["Visited"] = "走访", ["Visitor"] = "走访人", ["Votes"] = "票数", ["Week"] = "周", ["Weight"] = "权重",
        ["Withdrawn"] = "撤回", ["Worker"] = "工作者", ["Workplace"] = "工作单位", ["Year"] = "年度", ["Zone"] = "责任区",
        // Words of fields added since (the audit page test lists any field that still shows a Latin word); "Json" is how it is stored, not what it is.
        ["Json"] = "",
        ["Access"] = "访问", ["Added"] = "添加", ["Aggregation"] = "汇总方式", ["Ahead"] = "提前", ["Attempts"] = "尝试次数", ["Availability"] = "可服务时间",
        ["Awarding"] = "授予", ["Base"] = "基础", ["Basically"] = "基本", ["Basis"] = "依据", ["Buildings"] = "楼栋", ["Cancel"] = "取消",
        ["Carried"] = "结转", ["Channels"] = "渠道", ["Check"] = "检查", ["Cipher"] = "（加密）", ["City"] = "城市", ["Close"] = "结案", ["Codes"] = "代码",
        ["Commitment"] = "承诺", ["Completes"] = "完成", ["Compounds"] = "小区", ["Confirmation"] = "确认", ["Contacts"] = "联系人",
        ["Convention"] = "公约", ["Covered"] = "覆盖", ["Decisions"] = "决定", ["Definition"] = "定义", ["Dissolve"] = "撤销", ["Eligible"] = "符合条件",
        ["Entries"] = "记录", ["Exit"] = "退出", ["Extra"] = "额外", ["Extras"] = "附加", ["Factor"] = "因素", ["Failed"] = "失败", ["Failure"] = "失败",
        ["Failures"] = "失败", ["Findings"] = "问题", ["Floating"] = "流动", ["Follow"] = "跟进", ["Fulfilment"] = "履约", ["Functions"] = "功能",
        ["Grids"] = "网格", ["Heartbeat"] = "心跳", ["Helper"] = "帮手", ["Holder"] = "持有人", ["Idempotency"] = "幂等", ["Identity"] = "身份",
        ["Indicator"] = "指标", ["Inspection"] = "检查", ["Leading"] = "领导", ["Led"] = "领导", ["Left"] = "离开", ["Legacy"] = "旧",
        ["Lockout"] = "锁定", ["Login"] = "登录", ["Media"] = "媒体", ["Meetings"] = "会议", ["Merged"] = "合并", ["Module"] = "模块",
        ["Months"] = "月数", ["Named"] = "命名", ["Needs"] = "需要", ["Nominated"] = "提名", ["Normalized"] = "规范化", ["Notification"] = "通知",
        ["Offers"] = "提供", ["Online"] = "线上", ["Open"] = "未结", ["Opening"] = "开场", ["Outside"] = "外部", ["Own"] = "自有", ["Panel"] = "评审组",
        ["Part"] = "部分", ["Participant"] = "参与者", ["Parties"] = "当事人", ["Payload"] = "内容", ["Permission"] = "权限", ["Pledged"] = "承诺",
        ["Positions"] = "职务", ["Posts"] = "岗位", ["Prefix"] = "前缀", ["Present"] = "出席", ["Previous"] = "上次", ["Programme"] = "方案",
        ["Provider"] = "提供方", ["Recipients"] = "接收人", ["Recommender"] = "推荐人", ["Recommenders"] = "推荐人", ["Record"] = "记录",
        ["Recruit"] = "发展对象", ["Rectify"] = "整改", ["Rejects"] = "未导入", ["Remind"] = "提醒", ["Removal"] = "移除", ["Reopen"] = "重新打开",
        ["Reopens"] = "重新打开", ["Replaced"] = "替换", ["Report"] = "报告", ["Reports"] = "报告", ["Require"] = "要求", ["Residents"] = "居民",
        ["Resolve"] = "办结", ["Return"] = "退回", ["Reverses"] = "冲销", ["Reviewers"] = "评委", ["Rows"] = "行数", ["Sections"] = "部分",
        ["Self"] = "自我", ["Set"] = "设定", ["Settle"] = "议定", ["Settlement"] = "结算", ["Show"] = "显示", ["Side"] = "一方", ["Sign"] = "登录",
        ["Since"] = "起", ["Skipped"] = "跳过", ["Stationed"] = "驻在", ["Steps"] = "步骤", ["Substitute"] = "代为出席人", ["Tail"] = "尾号",
        ["Taken"] = "已取", ["Tasks"] = "任务", ["Teacher"] = "授课人", ["Thumbnail"] = "缩略图", ["Totals"] = "合计", ["Track"] = "跟踪",
        ["Trim"] = "去掉", ["Two"] = "双", ["Valid"] = "有效", ["Wanted"] = "意向", ["Weeks"] = "周数", ["Weights"] = "权重", ["Window"] = "窗口",
        ["Workbook"] = "工作簿", ["Years"] = "年数",
    };
}
