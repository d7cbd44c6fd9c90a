using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>One quarterly rubric and one published round over 东湖街道's communities, with the demo reviewer on the panel.</summary>
public static class DemoReviews
{
    public static RubricDefinition QuarterlyRubric() => new()
    {
        Sections =
        [
            new() { Code = "A", Title = "组织体系建设" },
            new() { Code = "B", Title = "服务群众成效" },
            new() { Code = "C", Title = "阵地与氛围" },
        ],
        Items =
        [
            new() { Code = "A1", Section = "A", Title = "社区党委班子健全，网格党支部、楼栋党小组全覆盖", Type = ItemType.Scored, Max = 15, Guidance = "查看组织架构图与任命文件，抽查两个网格。", Evidence = "档案" },
            new() { Code = "A2", Section = "A", Title = "“三会一课”记录完整、按时召开", Type = ItemType.Deduction, Max = 15, PerOccurrence = 3, Floor = 0, Guidance = "每缺一次记录扣 3 分。", Evidence = "会议记录" },
            new() { Code = "A3", Section = "A", Title = "党员“双报到”率与参与活动情况", Type = ItemType.Scored, Max = 10, Evidence = "系统数据、访谈" },
            new() { Code = "B1", Section = "B", Title = "“我为群众办实事”项目完成情况", Type = ItemType.Scored, Max = 20, Guidance = "对照年初清单逐项查看。", Evidence = "现场、台账" },
            new() { Code = "B2", Section = "B", Title = "群众诉求办结率与满意度", Type = ItemType.Scored, Max = 15, Evidence = "系统数据、入户访谈" },
            new() { Code = "B3", Section = "B", Title = "共建单位资源引入成效", Type = ItemType.Scored, Max = 10, Evidence = "共建协议、项目照片" },
            new() { Code = "C1", Section = "C", Title = "党群服务中心开放、功能区设置规范", Type = ItemType.Scored, Max = 10, Evidence = "现场" },
            new() { Code = "C2", Section = "C", Title = "红色元素融入小区、楼道", Type = ItemType.Scored, Max = 5, Evidence = "现场" },
            new() { Code = "CX", Section = "C", Title = "创新做法被上级推广", Type = ItemType.Bonus, Max = 5, Evidence = "文件" },
            new() { Code = "CV", Section = "C", Title = "发生重大安全责任事故或严重违纪问题", Type = ItemType.Veto, Evidence = "通报" },
        ],
        BonusCap = 5,
        VetoEffect = VetoEffect.Zero,
        Stars = [new(3, 85), new(4, 90), new(5, 95)],
    };

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var communities = g.Units.Where(u => u.Kind == OrgKind.Community && u.ParentId == street.Id).OrderBy(u => u.SortOrder).ToList();
        var panelNames = new[] { ("reviewer", "评委"), ("street", "组长") };
        var users = await db.Users.Where(u => u.UserName == "reviewer" || u.UserName == "street").ToDictionaryAsync(u => u.UserName!);

        var rubric = new Rubric
        {
            Name = "社区党建季度观摩考评细则", Purpose = RubricPurpose.Quarterly, OrgPath = street.Path, OwnerUnitId = street.Id,
            Definition = QuarterlyRubric(), Frozen = true, CreatedAt = now.AddDays(-100),
        };
        rubric.FamilyId = rubric.Id;
        var round = new ReviewRound
        {
            Name = "2026年第一季度党建观摩", RubricId = rubric.Id, OwnerUnitId = street.Id, OrgPath = street.Path, State = RoundState.Closed,
            Aggregation = AggregationRule.Mean, CreatedAt = now.AddDays(-60),
        };
        db.Rubrics.Add(rubric);
        db.ReviewRounds.Add(round);
        foreach (var (name, role) in panelNames)
            db.Panelists.Add(new Panelist { RoundId = round.Id, UserId = users[name].Id, DisplayName = users[name].DisplayName, PanelRole = role, OrgPath = street.Path });

        // Fixed, plausible scores: each community a little weaker than the one before, the two reviewers a point or so apart.
        var def = rubric.Definition;
        for (var i = 0; i < communities.Count; i++)
        {
            var c = communities[i];
            db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = c.Id, UnitName = c.ShortName is { Length: > 0 } s ? s : c.Name, OrgPath = c.Path, VisitOrder = i + 1, VisitAt = round.CreatedAt.AddHours(1 + i) });
            for (var r = 0; r < panelNames.Length; r++)
            {
                var entries = new Dictionary<string, ItemEntry>();
                foreach (var item in def.Items)
                {
                    var value = item.Type switch
                    {
                        ItemType.Deduction => (double)Math.Min(3, i / 2 + r),
                        ItemType.Bonus => i == 0 ? 3 : 0,
                        ItemType.Veto => 0,
                        _ => Math.Max(0, item.Max - 0.5 * (i + r + (item.Code.Length + item.Code[1]) % 3)),
                    };
                    entries[item.Code] = new ItemEntry(value);
                }
                var sheet = new ScoreSheet
                {
                    RoundId = round.Id, UnitId = c.Id, ReviewerId = users[panelNames[r].Item1].Id, OrgPath = c.Path, State = SheetState.Submitted,
                    Entries = entries, Comment = i == 0 ? "阵地建设规范，办实事项目台账清晰，可作为全街道示范。" : i >= 4 ? "“三会一课”记录不全，需加强。" : "整体有序，特色还需提炼。",
                    SubmittedAt = round.CreatedAt.AddHours(2 + i), UpdatedAt = round.CreatedAt.AddHours(2 + i),
                };
                sheet.Rescore(def);
                db.ScoreSheets.Add(sheet);
            }
        }
        var weak = communities[^1];
        var finding = new Finding
        {
            RoundId = round.Id, UnitId = weak.Id, OrgPath = weak.Path, ItemCode = "A2", Description = "“三会一课”记录缺少两次支委会记录",
            ReportedBy = users["reviewer"].Id, At = round.CreatedAt.AddHours(8),
        };
        db.Findings.Add(finding);
        db.Rectifications.Add(new Rectification
        {
            FindingId = finding.Id, RoundId = round.Id, UnitId = weak.Id, OrgPath = weak.Path, Description = finding.Description,
            Owner = "社区党委书记", Deadline = now.AddDays(-10), State = RectificationState.InProgress, UpdatedAt = now.AddDays(-20),
        });
        await db.SaveChangesAsync();

        // 逐一点评: what the first two communities reported at the visit and the street's word on each, written before publishing.
        string[][] remarks =
        [
            ["书记汇报：建成“红色物业”联席会议，老旧小区改造完成 2 个庭院。", "推进加装电梯和长者食堂助餐服务。", "年底前完成全部整改事项。", "阵地建设规范，办实事台账清晰，全街道推广其“红色物业”做法。"],
            ["书记汇报：网格党支部全覆盖，党员中心户 12 户。", "完善“三会一课”记录，提炼特色品牌。", "下季度观摩前补齐台账。", "基础扎实，特色还需提炼，“三会一课”记录要规范。"],
        ];
        for (var i = 0; i < Math.Min(remarks.Length, communities.Count); i++)
            db.UnitRemarks.Add(new UnitRemark
            {
                RoundId = round.Id, UnitId = communities[i].Id, OrgPath = communities[i].Path, Report = remarks[i][0], NextSteps = remarks[i][1],
                Commitment = remarks[i][2], Comment = remarks[i][3], By = "street", UpdatedAt = round.CreatedAt.AddDays(5),
            });
        await ReviewResults.StoreAsync(db, sp.GetRequiredService<OrgDirectory>(), clock, round, default);
        round.State = RoundState.Published;
        round.PublishedAt = now.AddDays(-50);
        await db.SaveChangesAsync();
    }
}
