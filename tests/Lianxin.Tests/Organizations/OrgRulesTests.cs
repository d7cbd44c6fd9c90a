using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.Organizations;

/// <summary>A small tree in memory: district → two streets → communities → branches → a group.</summary>
public class OrgRulesTests
{
    static OrgUnit U(OrgUnit? parent, OrgKind kind, string name, BranchKind bk = BranchKind.None)
    {
        var id = Guid.CreateVersion7();
        return new OrgUnit { Id = id, ParentId = parent?.Id, Path = OrgUnit.PathOf(parent?.Path, id), Depth = (parent?.Depth ?? -1) + 1, Kind = kind, BranchKind = bk, Name = name };
    }

    readonly OrgUnit district, street, street2, c1, c2, branch, group;

    public OrgRulesTests()
    {
        district = U(null, OrgKind.District, "区委");
        street = U(district, OrgKind.Street, "东湖");
        street2 = U(district, OrgKind.Street, "西岭");
        c1 = U(street, OrgKind.Community, "和平");
        c2 = U(street, OrgKind.Community, "幸福");
        branch = U(c1, OrgKind.Branch, "第一网格党支部", BranchKind.Grid);
        group = U(branch, OrgKind.Group, "第一党小组");
    }

    [Fact]
    public void A_branch_may_move_to_another_community()
    {
        Assert.Null(OrgRules.CheckMove(branch, c2));
        var (oldRoot, newRoot) = OrgRules.Move(branch, c2, [branch, group]);
        Assert.Equal(c2.Id, branch.ParentId);
        Assert.Equal(c2.Path + branch.Id.ToString("N") + "/", branch.Path);
        Assert.StartsWith(branch.Path, group.Path);
        Assert.Equal(3, branch.Depth);
        Assert.Equal(4, group.Depth);
        Assert.Equal(OrgRules.DepthOf(group.Path), group.Depth);
        Assert.Equal(newRoot + "x/", OrgRules.Rebase(oldRoot + "x/", oldRoot, newRoot));
    }

    [Fact]
    public void Moving_a_community_to_another_street_shifts_the_whole_subtree()
    {
        var (_, newRoot) = OrgRules.Move(c1, street2, [c1, branch, group]);
        Assert.Equal($"{street2.Path}{c1.Id:N}/{branch.Id:N}/{group.Id:N}/", group.Path);
        Assert.StartsWith(newRoot, branch.Path);
        Assert.Equal(4, group.Depth);
    }

    [Fact]
    public void A_unit_may_not_move_under_itself_or_its_descendants()
    {
        Assert.NotNull(OrgRules.CheckMove(c1, c1));
        Assert.Contains("下级", OrgRules.CheckMove(branch, group));
        var streetUnderGroup = OrgRules.CheckMove(street, group);
        Assert.NotNull(streetUnderGroup);
    }

    [Fact]
    public void The_new_parent_must_accept_the_kind()
    {
        var otherGroup = U(U(c2, OrgKind.Branch, "b"), OrgKind.Group, "g");
        Assert.Equal("党小组下不能设立党支部。", OrgRules.CheckMove(branch, otherGroup));
        Assert.NotNull(OrgRules.CheckMove(c1, district));    // a community does not hang from the district directly
        Assert.Null(OrgRules.CheckMove(c1, street2));
        Assert.NotNull(OrgRules.CheckCreate(c1, OrgKind.Community));
        Assert.Null(OrgRules.CheckCreate(c1, OrgKind.Branch));
    }

    [Fact]
    public void Dissolved_units_neither_move_nor_receive()
    {
        OrgRules.Dissolve(c2, "合并", DateTime.UtcNow);
        Assert.NotNull(OrgRules.CheckMove(branch, c2));
        Assert.NotNull(OrgRules.CheckMove(c2, street2));
        Assert.NotNull(OrgRules.CheckCreate(c2, OrgKind.Branch));
        Assert.NotNull(OrgRules.CheckMove(district, street));   // the top does not move
    }

    [Fact]
    public void Dissolve_is_refused_while_children_live_and_keeps_history()
    {
        Assert.Contains("1 个未撤销", OrgRules.CheckDissolve(branch, activeChildren: 1));
        Assert.Null(OrgRules.CheckDissolve(group, 0));
        var at = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        OrgRules.Dissolve(group, " 党员调出 ", at);
        Assert.Equal(OrgStatus.Dissolved, group.Status);
        Assert.Equal(at, group.DissolvedAt);
        Assert.Equal("党员调出", group.DissolveReason);
        Assert.Equal("第一党小组", group.Name);
        Assert.NotNull(OrgRules.CheckDissolve(group, 0));        // not twice
    }

    [Fact]
    public void A_compound_is_split_out_once_and_only_under_a_living_community()
    {
        var compound = new Compound { CommunityId = c1.Id, Name = "阳光花园" };
        Assert.Null(OrgRules.CheckSplit(compound, c1));
        compound.BranchId = Guid.NewGuid();
        Assert.Equal("该小区已有自己的党支部。", OrgRules.CheckSplit(compound, c1));
        compound.BranchId = null;
        OrgRules.Dissolve(c1, "x", DateTime.UtcNow);
        Assert.NotNull(OrgRules.CheckSplit(compound, c1));
    }

    [Fact]
    public void Places_live_at_their_own_branch_else_their_grid_else_the_community()
    {
        var grid = new Grid { OrgPath = branch.Path };
        Assert.Equal(group.Path, OrgRules.PlacePath(c1, group, grid));
        Assert.Equal(branch.Path, OrgRules.PlacePath(c1, null, grid));
        Assert.Equal(c1.Path, OrgRules.PlacePath(c1, null, null));
    }

    [Fact]
    public void Coverage_counts_own_branches_grid_branches_and_building_leaders()
    {
        var gridWithBranch = new Grid { CommunityId = c1.Id, OrgPath = branch.Path, BranchId = branch.Id };
        var bareGrid = new Grid { CommunityId = c1.Id, OrgPath = c1.Path };
        var own = new Compound { OrgPath = c1.Path + "own/", BranchId = Guid.NewGuid(), GridId = bareGrid.Id };
        var inBranchGrid = new Compound { OrgPath = branch.Path, GridId = gridWithBranch.Id };
        var bare = new Compound { OrgPath = c1.Path, GridId = bareGrid.Id };
        var elsewhere = new Compound { OrgPath = c2.Path, BranchId = Guid.NewGuid() };
        var buildings = new[]
        {
            // A free-text name from before 0031 that matched no member does not count; a linked member does.
            new Building { OrgPath = c1.Path, LeaderMemberId = Guid.NewGuid(), LeaderName = "王建国" }, new Building { OrgPath = c1.Path, LeaderName = "张未关联" },
            new Building { OrgPath = branch.Path }, new Building { OrgPath = c2.Path, LeaderMemberId = Guid.NewGuid(), LeaderName = "李静" },
        };
        var households = new[] { new Household { OrgPath = c1.Path }, new Household { OrgPath = branch.Path }, new Household { OrgPath = c2.Path } };
        var grids = new[] { gridWithBranch, bareGrid };

        var cov = Coverage.Of(c1.Path, new[] { district, street, c1, c2, branch, group }.AsQueryable(), grids.AsQueryable(),
            new[] { own, inBranchGrid, bare, elsewhere }.AsQueryable(), buildings.AsQueryable(), households.AsQueryable(), grids.AsQueryable());

        Assert.Equal(3, cov.Compounds);
        Assert.Equal(1, cov.CompoundsWithOwnBranch);
        Assert.Equal(2, cov.CompoundsCovered);
        Assert.Equal(33.3, cov.CompoundOwnBranchRate);
        Assert.Equal(66.7, cov.CompoundCoveredRate);
        Assert.Equal(2, cov.Grids);
        Assert.Equal(50, cov.GridBranchRate);
        Assert.Equal(3, cov.Buildings);
        Assert.Equal(1, cov.BuildingsWithLeader);
        Assert.Equal(2, cov.Households);
        Assert.Equal(1, cov.UnitsByKind["Community"]);
        Assert.Equal(1, cov.UnitsByKind["Branch"]);
        Assert.Equal(1, cov.UnitsByKind["Group"]);
        Assert.False(cov.UnitsByKind.ContainsKey("Street"));
    }

    [Fact]
    public void A_linked_branch_keeps_its_sub_kind()
    {
        Assert.NotNull(OrgRules.CheckBranchKindChange(branch, BranchKind.Enterprise, linkedGrids: 1, linkedCompounds: 0));
        Assert.Null(OrgRules.CheckBranchKindChange(branch, BranchKind.Grid, 1, 0));
        Assert.Null(OrgRules.CheckBranchKindChange(branch, BranchKind.Enterprise, 0, 0));
    }

    [Fact]
    public void Nothing_to_cover_is_zero_percent() => Assert.Equal(0, Coverage.Rate(0, 0));

    [Fact]
    public void Path_helpers_read_ids_and_depth()
    {
        Assert.Equal([district.Id, street.Id, c1.Id], OrgRules.IdsOf(c1.Path));
        Assert.Equal(2, OrgRules.DepthOf(c1.Path));
        Assert.Equal(0, OrgRules.DepthOf(district.Path));
    }
}
