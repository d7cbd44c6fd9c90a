using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// 东湖街道's brands (温青工作室, 浉河红服, 花都党建), two 示范点 scored on the 十大标准 (one past its review date), honours from the
/// district's 先进基层党组织 to a community's 好媳妇, and news in every state of the street's review. Showcase's own records go through
/// its use cases; the 十大标准 round is written like DemoReviews' round.
/// </summary>
public static class DemoShowcase
{
    static readonly string[] TenStandards =
    [
        "组织体系健全，班子坚强有力", "阵地建设规范，功能设置合理", "制度机制完善，运行规范有序", "党员作用发挥，先锋形象鲜明",
        "服务群众有力，办实事成效明显", "共驻共建深入，资源整合到位", "红色文化浓厚，氛围营造到位", "品牌特色鲜明，经验可复制推广",
        "智慧党建支撑，信息化应用充分", "群众认可度高，满意度测评达标",
    ];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var members = sp.GetRequiredService<MemberDirectory>();
        var ct = CancellationToken.None;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var neighbour = DemoDistrict.Place(g, DemoPlace.NeighbourCommunity);
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;

        // 党建品牌, with the pledges and co-building projects they grew from.
        var pledges = await sp.GetRequiredService<PledgeDirectory>().PublicUnderAsync(community.Path, ct);
        var projects = await sp.GetRequiredService<ProjectDirectory>().UnderAsync(street.Path, ct);
        Check(await SaveBrand.HandleAsync(db, org, sp.GetRequiredService<PledgeDirectory>(), sp.GetRequiredService<ProjectDirectory>(), clock, null, new BrandInput
        {
            OrgUnitId = community.Id, Name = "温青工作室",
            Story = "以社区党委书记温青名字命名的调解服务工作室，坚持“有事找温青、小事不出网格”。工作室每周二、周五在党群服务中心坐班，"
                + "联合网格员、楼栋长和法律顾问，三年来调处邻里纠纷 300 余起，推动加装电梯、老旧小区改造等实事落地。",
            PledgeIds = pledges.Take(2).Select(p => p.Id).ToList(),
        }, ct), "温青工作室");
        Check(await SaveBrand.HandleAsync(db, org, sp.GetRequiredService<PledgeDirectory>(), sp.GetRequiredService<ProjectDirectory>(), clock, null, new BrandInput
        {
            OrgUnitId = street.Id, Name = "浉河红服",
            Story = "街道党工委牵头组建的红色志愿服务品牌，整合辖区机关、学校、医院和“两新”组织党员力量，开展助老助残、义诊义剪、"
                + "政策宣讲等服务，做到群众有所呼、红服有所应。",
            ProjectIds = projects.Take(2).Select(p => p.Id).ToList(),
        }, ct), "浉河红服");
        Check(await SaveBrand.HandleAsync(db, org, sp.GetRequiredService<PledgeDirectory>(), sp.GetRequiredService<ProjectDirectory>(), clock, null, new BrandInput
        {
            OrgUnitId = neighbour.Id, Name = "花都党建",
            Story = "以“花开四季、服务全年”为主题，把小区闲置空地改造成党员认领的“红色花园”，党员带头、居民参与，"
                + "让小区环境美起来、邻里关系热起来。",
        }, ct), "花都党建");

        // 示范点, scored by the street on the 十大标准.
        Check(await SaveModelSite.HandleAsync(db, org, null, new ModelSiteInput
        {
            OrgUnitId = community.Id, Name = "和平社区党群服务中心", Note = "“一室四中心”功能齐全，红色物业联席会议经验在全区推广。",
            NamedOn = today.AddMonths(-18), ReviewDueOn = today.AddDays(-20),
        }, ct), "和平社区示范点");
        Check(await SaveModelSite.HandleAsync(db, org, null, new ModelSiteInput
        {
            OrgUnitId = neighbour.Id, Name = "幸福社区“红色花园”小区党建示范点", NamedOn = today.AddMonths(-5), ReviewDueOn = today.AddMonths(7),
        }, ct), "幸福社区示范点");
        await TenStandardsRoundAsync(db, org, clock, street, [community, neighbour], ct);

        // 荣誉.
        var roster = await members.RosterAsync(community.Path, ct);
        var honours = new List<HonourInput>
        {
            new() { Title = "先进基层党组织", Level = HonourLevel.District, AwardingBody = "中共青禾区委", AwardedOn = today.AddMonths(-6), RecipientKind = RecipientKind.Unit, OrgUnitId = community.Id },
            new() { Title = "五星级党组织", Level = HonourLevel.Street, AwardingBody = "东湖街道党工委", AwardedOn = today.AddMonths(-3), RecipientKind = RecipientKind.Unit, OrgUnitId = neighbour.Id },
            new() { Title = "好媳妇", Level = HonourLevel.Community, AwardingBody = "和平社区党委", AwardedOn = today.AddMonths(-2), RecipientKind = RecipientKind.Resident, OrgUnitId = community.Id, ResidentName = "张桂兰" },
            new() { Title = "好婆婆", Level = HonourLevel.Community, AwardingBody = "和平社区党委", AwardedOn = today.AddMonths(-2), RecipientKind = RecipientKind.Resident, OrgUnitId = community.Id, ResidentName = "刘秀珍" },
            new() { Title = "和贤榜样", Level = HonourLevel.Street, AwardingBody = "东湖街道党工委", AwardedOn = today.AddMonths(-1), RecipientKind = RecipientKind.Resident, OrgUnitId = neighbour.Id, ResidentName = "陈德明" },
        };
        if (roster.Count > 0)
        {
            honours.Add(new() { Title = "优秀共产党员", Level = HonourLevel.District, AwardingBody = "中共青禾区委", AwardedOn = today.AddMonths(-5), RecipientKind = RecipientKind.Member, MemberId = roster[0].Id });
            if (roster.Count > 1)
                honours.Add(new() { Title = "好党员", Level = HonourLevel.Community, AwardingBody = "和平社区党委", AwardedOn = today.AddMonths(-4), RecipientKind = RecipientKind.Member, MemberId = roster[1].Id });
        }
        foreach (var h in honours) Check(await SaveHonour.HandleAsync(db, org, members, clock, null, h, ct), h.Title);

        // 宣传稿件 in every state: three published in different months, one waiting for the street, one returned, one draft.
        (Guid Unit, string Title, string Body, NewsState State, int DaysAgo, NewsChannels Channels)[] news =
        [
            (community.Id, "和平社区“红色物业”联席会议破解停车难", "近日，和平社区党委召集物业公司、业委会和居民代表召开“红色物业”联席会议，"
                + "围绕小区停车难问题逐条梳理意见，新增划定停车位 46 个，并约定每季度回访一次。居民王阿姨说：“以前晚上回来转三圈找不到车位，现在踏实多了。”",
                NewsState.Published, 70, NewsChannels.WeChat | NewsChannels.Website),
            (neighbour.Id, "幸福社区“红色花园”迎来第一批认领党员", "幸福社区把小区闲置空地改造成“红色花园”，首批 18 名党员认领花圃，带动 40 余户居民参与养护。"
                + "社区党委书记表示，将把花园打造成党员联系群众的新阵地。", NewsState.Published, 35, NewsChannels.WeChat | NewsChannels.XuexiQiangguo),
            (street.Id, "东湖街道召开2026年度党建观摩推进会", "街道党工委召开党建观摩推进会，对照示范点“十大标准”逐项点评各社区亮点与短板，"
                + "要求年底前完成全部整改事项，推动基层党建提质增效。", NewsState.Published, 6, NewsChannels.OrgWork | NewsChannels.Website),
            (community.Id, "温青工作室：把矛盾化解在家门口", "和平社区温青工作室坚持每周两天坐班，联合网格员和法律顾问上门调解，"
                + "今年以来已调处邻里纠纷 56 起，群众满意率 100%。", NewsState.Submitted, 2, NewsChannels.WeChat),
            (community.Id, "长者食堂开业啦", "社区长者食堂正式开业，为 60 岁以上老人提供助餐服务。", NewsState.Returned, 4, NewsChannels.WeChat),
            (neighbour.Id, "幸福社区开展夏季消防安全演练", "社区联合物业开展消防安全演练，（待补充现场照片和参与人数）", NewsState.Draft, 1, NewsChannels.None),
        ];
        foreach (var n in news)
            db.NewsItems.Add(new NewsItem
            {
                OrgUnitId = n.Unit, OrgPath = g.Units.First(u => u.Id == n.Unit).Path, Title = n.Title, Body = n.Body, State = n.State, Channels = n.Channels,
                AuthorName = n.Unit == street.Id ? "东湖街道 党建办" : n.Unit == community.Id ? "和平社区 社工" : "幸福社区 书记",
                CreatedAt = now.AddDays(-n.DaysAgo - 1), SubmittedAt = n.State == NewsState.Draft ? null : now.AddDays(-n.DaysAgo - 0.5),
                ReviewedBy = n.State is NewsState.Published or NewsState.Returned ? "东湖街道 党建办" : null,
                ReviewedAt = n.State is NewsState.Published or NewsState.Returned ? now.AddDays(-n.DaysAgo) : null,
                PublishedAt = n.State == NewsState.Published ? now.AddDays(-n.DaysAgo) : null,
                ReturnReason = n.State == NewsState.Returned ? "请补充开业时间、地址和助餐价格，并附两张现场照片。" : null,
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The street's 十大标准 rubric (示范点 purpose) and one published round over the two model sites, scored by the demo reviewer.</summary>
    static async Task TenStandardsRoundAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, OrgUnit street, OrgUnit[] units, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reviewer = await db.Users.FirstAsync(u => u.UserName == "reviewer", ct);
        var definition = new RubricDefinition
        {
            Sections = [new() { Code = "S", Title = "示范点十大标准" }],
            Items = TenStandards.Select((t, i) => new RubricItem { Code = $"S{i + 1}", Section = "S", Title = t, Type = ItemType.Scored, Max = 10, Evidence = "现场、台账" }).ToList(),
        };
        var rubric = new Rubric { Name = "党建示范点“十大标准”评分细则", Purpose = RubricPurpose.ModelSite, OrgPath = street.Path, OwnerUnitId = street.Id, Definition = definition, Frozen = true, CreatedAt = now.AddDays(-40) };
        rubric.FamilyId = rubric.Id;
        var round = new ReviewRound
        {
            Name = $"{clock.Today().Year}年示范点“十大标准”复核", RubricId = rubric.Id, OwnerUnitId = street.Id, OrgPath = street.Path, State = RoundState.Closed,
            Aggregation = AggregationRule.Mean, CreatedAt = now.AddDays(-30),
        };
        db.Rubrics.Add(rubric);
        db.ReviewRounds.Add(round);
        db.Panelists.Add(new Panelist { RoundId = round.Id, UserId = reviewer.Id, DisplayName = reviewer.DisplayName, PanelRole = "评委", OrgPath = street.Path });
        for (var i = 0; i < units.Length; i++)
        {
            var u = units[i];
            db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = u.Id, UnitName = u.ShortName is { Length: > 0 } s ? s : u.Name, OrgPath = u.Path, VisitOrder = i + 1, VisitAt = round.CreatedAt.AddHours(1 + i) });
            var sheet = new ScoreSheet
            {
                RoundId = round.Id, UnitId = u.Id, ReviewerId = reviewer.Id, OrgPath = u.Path, State = SheetState.Submitted,
                Entries = definition.Items.ToDictionary(it => it.Code, it => new ItemEntry(it.Max - 0.5 * ((it.Code.Length + i * 3 + it.Code[^1]) % 4))),
                SubmittedAt = round.CreatedAt.AddHours(2 + i), UpdatedAt = round.CreatedAt.AddHours(2 + i),
            };
            sheet.Rescore(definition);
            db.ScoreSheets.Add(sheet);
        }
        await db.SaveChangesAsync(ct);
        await ReviewResults.StoreAsync(db, org, clock, round, ct);
        round.State = RoundState.Published;
        round.PublishedAt = now.AddDays(-25);
        await db.SaveChangesAsync(ct);
    }

    static T Check<T>(Outcome<T> outcome, string what) => outcome.IsOk ? outcome.Value!
        : throw new InvalidOperationException($"演示数据 {what}：{outcome.Message ?? string.Join("；", outcome.Errors!.SelectMany(e => e.Value))}");
}
