using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>What a resident writes on the 申请入党 page.</summary>
public class ResidentApplicationInput
{
    /// <summary><c>c:{compoundId}</c> or <c>g:{gridId}</c>, from <see cref="MyApplications"/>' choices.</summary>
    public string? Place { get; set; }
    public string Name { get; set; } = "";
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A signed-in resident applies for membership (source 004: applications come from residents volunteering) through the branch of their
/// compound (its own branch, else its grid's) or of their grid, in their community. The application is the pipeline's first step,
/// 递交入党申请书, dated today, on the branch's board; the resident follows it on the same page. One open application per person.
/// </summary>
public static class ApplyForMembership
{
    public const string Source = "居民网上申请";

    public static async Task<Outcome<RecruitSaved>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, MemberDirectory members, PersonalData pd,
        TimeProvider clock, ResidentApplicationInput r, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } me || !db.Scope.CanAnywhere(PartyWorkPermissions.ApplyOwn)) return Failure.Forbidden;
        if (await db.Recruits.AcrossScope().AnyAsync(x => x.UserId == me && x.State == RecruitState.Active, ct))
            return Failure.Conflict("您已提交过入党申请，正在办理中，请勿重复提交。");
        var e = new Errors();
        var community = await MyApplications.ResidentCommunityAsync(db, org, ct);
        Guid? branchId = null;
        var (kind, id) = r.Place is { Length: > 2 } p && Guid.TryParse(p[2..], out var g) ? (p[0], g) : ('?', Guid.Empty);
        if (kind == 'c' && await places.FindCompoundRouteInDistrictAsync(id, ct) is { } c && c.CommunityId == community?.Id)
            branchId = c.BranchId ?? c.GridBranchId;
        else if (kind == 'g' && (await places.GridsAsync([id], ct)).FirstOrDefault() is { } grid && grid.CommunityId == community?.Id)
            branchId = grid.BranchId;
        var branch = branchId is { } b && await org.FindInDistrictAsync(b, ct) is { Kind: OrgKind.Branch, IsActive: true } found ? found : null;
        if (branch is null) e.Fail(nameof(r.Place), "请选择您所在的小区或网格（须已设立党支部）。");
        var input = new ApplicationInput
        {
            BranchId = branch?.Id, Name = r.Name, IdNumber = r.IdNumber, Phone = r.Phone, Source = Source, AppliedOn = clock.Today(), Note = r.Note,
        };
        return await RegisterApplication.AddAsync(db, members, pd, clock, branch, input, e, me, null, ct);
    }
}
