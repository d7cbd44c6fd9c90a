using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

public class SplitCompoundRequest
{
    public string BranchName { get; set; } = "";
    public string? ShortName { get; set; }
    public string? Code { get; set; }
}

/// <summary>
/// "拆—转—建" (source 002): a compound leaves its grid branch and gets a compound branch of its own under
/// the community; the compound, its buildings and households are from then on scoped to that branch.
/// </summary>
public static class SplitCompound
{
    public static async Task<Outcome<UnitCreated>> HandleAsync(LianxinDb db, TimeProvider clock, Guid compoundId, SplitCompoundRequest r, CancellationToken ct)
    {
        var compound = await db.Compounds.FirstOrDefaultAsync(c => c.Id == compoundId, ct);
        if (compound is null) return Failure.NotFound;
        var community = await db.OrgUnits.AcrossScope().FirstOrDefaultAsync(u => u.Id == compound.CommunityId, ct);
        if (community is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, community.Path)) return Failure.Forbidden;
        var errors = new Errors();
        errors.Required("BranchName", r.BranchName, "请填写新党支部的名称。");
        errors.Max("BranchName", r.BranchName, 100, "党支部名称");
        errors.Max("ShortName", r.ShortName, 60, "简称");
        errors.Max("Code", r.Code, 40, "组织编码");
        if (errors.Any) return Failure.Invalid(errors);
        if (OrgRules.CheckSplit(compound, community) is { } why) return Failure.Conflict(why);

        var id = Guid.CreateVersion7();
        var branch = new OrgUnit
        {
            Id = id, ParentId = community.Id, Path = OrgUnit.PathOf(community.Path, id), Depth = community.Depth + 1,
            Kind = OrgKind.Branch, BranchKind = BranchKind.Compound, Name = r.BranchName.Trim(),
            ShortName = r.ShortName?.Trim() ?? "", Code = r.Code?.Trim() ?? "", Address = compound.Address, SortOrder = 50,
        };
        db.OrgUnits.Add(branch);
        db.RecordChange(clock, branch.Id, OrgChangeKind.Split, community.Id, compoundId: compound.Id);
        compound.BranchId = branch.Id;
        await db.RepathCompoundAsync(compound, branch.Path, ct);
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new UnitCreated(branch.Id, branch.Path);
    }
}
