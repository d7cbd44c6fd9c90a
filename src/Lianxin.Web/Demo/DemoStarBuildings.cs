using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// 东湖街道's 星级楼组 round over six buildings of 和平社区 (published, so the buildings hold stars), and this year's 五星支部
/// 重点培养对象: three branches of 和平社区 on the list, one taken off, one already named 五星支部 by the district.
/// </summary>
public static class DemoStarBuildings
{
    public static RubricDefinition Rubric() => new()
    {
        Sections =
        [
            new() { Code = "A", Title = "楼组党建" },
            new() { Code = "B", Title = "邻里服务" },
            new() { Code = "C", Title = "环境与文明" },
        ],
        Items =
        [
            new() { Code = "A1", Section = "A", Title = "楼栋长到位，党员中心户挂牌、党员亮身份", Type = ItemType.Scored, Max = 20, Guidance = "看门牌、楼栋公示栏，问两户居民是否认识楼栋长。", Evidence = "现场、访谈" },
            new() { Code = "A2", Section = "A", Title = "楼道红色宣传角内容及时更新", Type = ItemType.Scored, Max = 10, Evidence = "现场" },
            new() { Code = "B1", Section = "B", Title = "独居、高龄老人结对关爱，每周上门", Type = ItemType.Scored, Max = 20, Evidence = "结对台账、入户访谈" },
            new() { Code = "B2", Section = "B", Title = "楼组议事会议事，邻里纠纷楼内化解", Type = ItemType.Scored, Max = 20, Evidence = "议事记录" },
            new() { Code = "C1", Section = "C", Title = "楼道堆物、电动车飞线充电", Type = ItemType.Deduction, Max = 20, PerOccurrence = 5, Floor = 0, Guidance = "每发现一处扣 5 分。", Evidence = "现场" },
            new() { Code = "C2", Section = "C", Title = "垃圾分类投放准确", Type = ItemType.Scored, Max = 10, Evidence = "现场" },
            new() { Code = "CX", Section = "C", Title = "获评区级以上文明楼组", Type = ItemType.Bonus, Max = 5, Evidence = "文件" },
            new() { Code = "CV", Section = "C", Title = "发生消防安全责任事故", Type = ItemType.Veto, Evidence = "通报" },
        ],
        BonusCap = 5,
        VetoEffect = VetoEffect.Zero,
        Stars = [new(3, 80), new(4, 88), new(5, 95)],
    };

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var heping = DemoDistrict.Place(g, DemoPlace.Community);
        var users = await db.Users.Where(u => u.UserName == "reviewer" || u.UserName == "street").ToDictionaryAsync(u => u.UserName!);
        var panel = new[] { ("reviewer", "评委"), ("street", "组长") };

        var rubric = new Rubric
        {
            Name = "星级楼组评定细则", Purpose = RubricPurpose.StarBuilding, OrgPath = street.Path, OwnerUnitId = street.Id,
            Definition = Rubric(), Frozen = true, CreatedAt = now.AddDays(-40),
        };
        rubric.FamilyId = rubric.Id;
        var round = new ReviewRound
        {
            Name = $"{ChinaTime.ToBeijing(now):yyyy}年和平社区星级楼组评定", RubricId = rubric.Id, OwnerUnitId = street.Id, OrgPath = street.Path,
            State = RoundState.Closed, Target = ReviewTarget.Buildings, Aggregation = AggregationRule.Mean, CreatedAt = now.AddDays(-30),
        };
        db.Rubrics.Add(rubric);
        db.ReviewRounds.Add(round);
        foreach (var (name, role) in panel)
            db.Panelists.Add(new Panelist { RoundId = round.Id, UserId = users[name].Id, DisplayName = users[name].DisplayName, PanelRole = role, OrgPath = street.Path });

        var compounds = g.Compounds.Where(c => c.CommunityId == heping.Id).ToDictionary(c => c.Id);
        var buildings = g.Buildings.Where(b => compounds.ContainsKey(b.CompoundId)).Take(6).ToList();
        var def = rubric.Definition;
        for (var i = 0; i < buildings.Count; i++)
        {
            var b = buildings[i];
            db.RoundUnits.Add(new RoundUnit
            {
                RoundId = round.Id, UnitId = b.Id, UnitName = BuildingStars.NameOf(compounds[b.CompoundId].Name, b.Name), OrgPath = b.OrgPath,
                VisitOrder = i + 1, VisitAt = round.CreatedAt.AddHours(1 + i * 0.5),
            });
            for (var r = 0; r < panel.Length; r++)
            {
                // The first buildings are the tidy ones; each later one loses a little more, so the six spread over 5★ to none.
                var entries = def.Items.ToDictionary(item => item.Code, item => new ItemEntry(item.Type switch
                {
                    ItemType.Deduction => Math.Min(4, i / 2),
                    ItemType.Bonus => i == 0 ? 5 : 0,
                    ItemType.Veto => 0,
                    _ => Math.Max(0, item.Max - 0.5 * (i + r + item.Code[1] % 2)),
                }));
                var sheet = new ScoreSheet
                {
                    RoundId = round.Id, UnitId = b.Id, ReviewerId = users[panel[r].Item1].Id, OrgPath = b.OrgPath, State = SheetState.Submitted, Entries = entries,
                    Comment = i == 0 ? "楼道整洁，结对关爱台账清楚，楼组议事会运转好。" : i >= 4 ? "楼道有堆物和飞线充电，需限期整改。" : "基础不错，红色宣传角内容要常换常新。",
                    SubmittedAt = round.CreatedAt.AddHours(2 + i), UpdatedAt = round.CreatedAt.AddHours(2 + i),
                };
                sheet.Rescore(def);
                db.ScoreSheets.Add(sheet);
            }
        }
        await db.SaveChangesAsync();
        await ReviewResults.StoreAsync(db, sp.GetRequiredService<OrgDirectory>(), clock, round, default);
        round.State = RoundState.Published;
        round.PublishedAt = now.AddDays(-20);

        // The 重点培养对象 of the year, named by the street in spring; one branch was taken off after its secretary moved away.
        var year = ChinaTime.ToBeijing(now).Year;
        var branches = g.Units.Where(u => u.Kind == OrgKind.Branch && u.ParentId == heping.Id).OrderBy(u => u.SortOrder).Take(3).ToList();
        string[][] reasons =
        [
            ["网格党支部“红色楼组”做法成熟，群众满意度高，具备创建基础。", "街道党工委委员 李明"],
            ["小区党支部牵头物业、业委会“三方联动”，加装电梯推进快。", "和平社区党委书记 王芳"],
            ["党员队伍年轻，志愿服务活跃，台账需规范。", "街道组织委员 陈静"],
        ];
        for (var i = 0; i < branches.Count; i++)
        {
            var b = branches[i];
            db.CultivationTargets.Add(new CultivationTarget
            {
                Year = year, UnitId = b.Id, UnitName = b.ShortName is { Length: > 0 } s ? s : b.Name, OrgPath = b.Path, ListedByUnitId = street.Id,
                ListedByName = street.ShortName is { Length: > 0 } sn ? sn : street.Name, Reason = reasons[i][0], Responsible = reasons[i][1], AddedBy = "street",
                AddedAt = now.AddDays(-90),
                RemovalReason = i == 2 ? "支部书记调离，班子调整中，明年再列入。" : null, RemovedBy = i == 2 ? "street" : null, RemovedAt = i == 2 ? now.AddDays(-15) : null,
            });
        }
        if (branches.Count > 0)
            db.StarAwards.Add(new StarAward
            {
                UnitId = branches[0].Id, OrgPath = branches[0].Path, Programme = RubricPurpose.FiveStar, Level = 5, Change = StarChange.Awarded,
                AwardingBody = "中共青禾区委组织部", Reason = $"青组通〔{year}〕8 号：命名{year}年度五星支部", By = "street", At = now.AddDays(-5),
            });
        await db.SaveChangesAsync();
    }
}
