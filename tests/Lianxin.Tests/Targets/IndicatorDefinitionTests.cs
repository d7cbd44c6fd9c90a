using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Targets;

/// <summary>What each figure Organizations and Members publish counts, on a small tree of its own.</summary>
[Collection(AppCollection.Name)]
public class IndicatorDefinitionTests(LianxinApp app)
{
    static readonly DateOnly Day = new(2026, 6, 30);

    OrgUnit NewCommunity(LianxinDb db, string name)
    {
        var street = db.OrgUnits.Single(u => u.ShortName == "东湖街道党工委");
        return db.Unit(street, OrgKind.Community, name);
    }

    [Fact]
    public void Org_figures_count_compounds_with_their_own_branch_not_those_covered_by_a_grid_branch()
    {
        var (community, result) = app.WithScope(sp =>
        {
            var db = sp.GetRequiredService<LianxinDb>();
            var c = NewCommunity(db, "指标测试社区一");
            var gridBranch = db.Unit(c, OrgKind.Branch, "一网格支部", BranchKind.Grid);
            var compoundBranch = db.Unit(c, OrgKind.Branch, "甲小区支部", BranchKind.Compound);
            var grid = new Grid { CommunityId = c.Id, OrgPath = gridBranch.Path, Name = "一网格", Code = "G1", BranchId = gridBranch.Id };
            db.Grids.AddRange(grid, new Grid { CommunityId = c.Id, OrgPath = c.Path, Name = "二网格", Code = "G2" });
            var a = new Compound { CommunityId = c.Id, OrgPath = compoundBranch.Path, Name = "甲小区", BranchId = compoundBranch.Id, GridId = grid.Id };
            db.Compounds.AddRange(a, new Compound { CommunityId = c.Id, OrgPath = gridBranch.Path, Name = "乙小区", GridId = grid.Id },
                new Compound { CommunityId = c.Id, OrgPath = c.Path, Name = "丙小区" });
            // 楼栋长 counts when a roster member is linked; an unlinked free-text name (before 0031) does not.
            db.Buildings.AddRange(new Building { CompoundId = a.Id, OrgPath = a.OrgPath, Name = "1幢", LeaderMemberId = Guid.NewGuid(), LeaderName = "王阿姨" },
                new Building { CompoundId = a.Id, OrgPath = a.OrgPath, Name = "2幢", LeaderName = "李未关联" });
            db.SaveChanges();
            var source = sp.GetServices<IIndicatorSource>().OfType<OrgIndicators>().Single();
            // Synchronously: WithScope ends its scope when the lambda returns.
            return (c, source.ReadAsync(source.Indicators.Select(i => i.Code).ToList(), [c.Path], Day, Day, CancellationToken.None).GetAwaiter().GetResult());
        });

        Assert.Equal(3, result[(OrgIndicators.Compounds, community.Path)].Numerator);
        Assert.Equal(1, result[(OrgIndicators.CompoundBranches, community.Path)].Numerator);
        Assert.Equal(new IndicatorValue(1, 3), result[(OrgIndicators.CompoundBranchRate, community.Path)]);
        Assert.Equal(2, result[(OrgIndicators.Grids, community.Path)].Numerator);
        Assert.Equal(1, result[(OrgIndicators.GridBranches, community.Path)].Numerator);
        Assert.Equal(2, result[(OrgIndicators.Buildings, community.Path)].Numerator);
        Assert.Equal(1, result[(OrgIndicators.BuildingsWithLeader, community.Path)].Numerator);
    }

    [Fact]
    public void Every_published_figure_is_in_the_catalogue_with_a_Chinese_name_and_its_module_prefix()
    {
        var all = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().All);
        foreach (var code in new[] { "org.compounds", "org.compound_branches", "org.compound_branch_rate", "org.grids", "org.buildings_with_leader",
                     "members.count", "members.dual_reported", "members.dual_report_rate" })
        {
            var i = Assert.Single(all, x => x.Code == code);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", i.Name);
            Assert.StartsWith(i.Module == "Organizations" ? "org." : "members.", i.Code);
        }
        Assert.Equal(IndicatorRollup.RatioOfSums, all.Single(i => i.Code == "members.dual_report_rate").Rollup);
    }

    [Fact]
    public void Member_figures_count_the_roster_and_the_share_of_members_held_elsewhere_who_reported()
    {
        var (community, result) = app.WithScope(sp =>
        {
            var db = sp.GetRequiredService<LianxinDb>();
            var pd = sp.GetRequiredService<PersonalData>();
            var c = NewCommunity(db, "指标测试社区二");
            var own = db.Unit(c, OrgKind.Branch, "本社区支部");
            var elsewhere = db.Unit(NewCommunity(db, "指标测试社区三"), OrgKind.Branch, "外社区机关支部", BranchKind.Agency);
            db.Member(pd, own, "本支部党员");
            db.Member(pd, own, "已出党", MemberStatus.Expelled);
            var reported = db.Member(pd, elsewhere, "在职报到党员");
            var notYet = db.Member(pd, elsewhere, "在职未报到党员");
            var withdrawn = db.Member(pd, elsewhere, "撤回报到党员");
            foreach (var m in new[] { reported, notYet, withdrawn }) m.ResidenceCommunityId = c.Id;
            db.DualReports.Add(new DualReport { Kind = ReporterKind.Member, MemberId = reported.Id, Name = reported.Name, CommunityId = c.Id, OrgPath = c.Path, ReportedOn = Day });
            db.DualReports.Add(new DualReport { Kind = ReporterKind.Member, MemberId = withdrawn.Id, Name = withdrawn.Name, CommunityId = c.Id, OrgPath = c.Path, ReportedOn = Day, Status = DualReportStatus.Withdrawn });
            db.SaveChanges();
            var source = sp.GetServices<IIndicatorSource>().OfType<MemberIndicators>().Single();
            // Synchronously: WithScope ends its scope when the lambda returns.
            return (c, source.ReadAsync(source.Indicators.Select(i => i.Code).ToList(), [c.Path], Day, Day, CancellationToken.None).GetAwaiter().GetResult());
        });

        Assert.Equal(1, result[(MemberIndicators.Count, community.Path)].Numerator);
        Assert.Equal(1, result[(MemberIndicators.DualReported, community.Path)].Numerator);
        Assert.Equal(new IndicatorValue(1, 3), result[(MemberIndicators.DualReportRate, community.Path)]);
    }
}
