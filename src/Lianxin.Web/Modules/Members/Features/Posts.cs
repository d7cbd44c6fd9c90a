using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record ClaimDto(Guid Id, Guid PostId, Guid MemberId, string MemberName, ClaimSource Source, ClaimStatus Status, string StatusName, string? Pledge, DateTime ClaimedAt, string? DecisionNote, int Version);
public record PostDto(Guid Id, Guid OrgUnitId, string UnitName, PostKind Kind, string KindName, string Title, string? Duties, int Capacity, int Held, string? Place,
    bool Open, int Version, IReadOnlyList<ClaimDto> Claims);

public class PostForm
{
    [Required(ErrorMessage = "请选择发布岗位的组织。")]
    public Guid? OrgUnitId { get; set; }
    public PostKind Kind { get; set; }
    [Required(ErrorMessage = "请输入岗位名称。"), StringLength(100, ErrorMessage = "岗位名称过长。")]
    public string? Title { get; set; }
    [StringLength(1000)]
    public string? Duties { get; set; }
    [Range(1, 1000, ErrorMessage = "岗位人数应在 1 到 1000 之间。")]
    public int Capacity { get; set; } = 1;
    public Guid? GridId { get; set; }
    public Guid? CompoundId { get; set; }
    public Guid? BuildingId { get; set; }
    [StringLength(200)]
    public string? Place { get; set; }
}

public class ClaimForm
{
    [StringLength(500, ErrorMessage = "承诺内容过长。")]
    public string? Pledge { get; set; }
}

public class AssignForm
{
    [Required(ErrorMessage = "请选择党员。")]
    public Guid? MemberId { get; set; }
    [StringLength(500)]
    public string? Pledge { get; set; }
}

public class DecisionForm
{
    public bool Approve { get; set; }
    [StringLength(200)]
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>认岗领责: publish posts; members choose (自主择岗) and the branch approves, or the branch assigns (支部定岗); capacity holds.</summary>
public static class Posts
{
    public static async Task<List<PostDto>> ListAsync(LianxinDb db, OrgDirectory units, IQueryable<Post> posts, CancellationToken ct)
    {
        var rows = await posts.AsNoTracking().OrderBy(p => p.OrgPath).ThenBy(p => p.CreatedAt).ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToList();
        var claims = (await db.PostClaims.AcrossScope().AsNoTracking().Where(c => ids.Contains(c.PostId)).OrderBy(c => c.ClaimedAt).ToListAsync(ct)).ToLookup(c => c.PostId);
        var names = await units.FullNamesAsync(rows.Select(p => p.OrgUnitId), ct);
        return rows.Select(p => new PostDto(p.Id, p.OrgUnitId, names.GetValueOrDefault(p.OrgUnitId, "—"), p.Kind, Post.Chinese(p.Kind), p.Title, p.Duties, p.Capacity,
            claims[p.Id].Count(c => Post.Holds(c.Status)), p.Place, p.Open, p.Version,
            claims[p.Id].Select(ToDto).ToList())).ToList();
    }

    public static ClaimDto ToDto(PostClaim c) => new(c.Id, c.PostId, c.MemberId, c.MemberName, c.Source, c.Status, Post.Chinese(c.Status), c.Pledge, c.ClaimedAt, c.DecisionNote, c.Version);

    public static async Task<Outcome<List<PostDto>>> InScopeAsync(LianxinDb db, OrgDirectory units, CancellationToken ct) =>
        db.Scope.CanAnywhere(MemberPermissions.MemberView) ? new Outcome<List<PostDto>>(OutcomeKind.Ok, await ListAsync(db, units, db.Posts, ct)) : Failure.Forbidden;

    public static async Task<Outcome<PostDto>> CreateAsync(LianxinDb db, OrgDirectory units, TimeProvider clock, PostForm f, CancellationToken ct)
    {
        var unit = f.OrgUnitId is { } unitId ? await units.FindAsync(unitId, ct) : null;
        if (unit is null) return Failure.Invalid(nameof(f.OrgUnitId), "所选组织不存在。");
        if (!db.Scope.Can(MemberPermissions.MemberManage, unit.Path)) return Failure.Forbidden;
        if (unit.Kind is not (OrgKind.Community or OrgKind.Branch)) return Failure.Invalid(nameof(f.OrgUnitId), "岗位由社区党组织或党支部发布。");
        if (f.Kind == PostKind.Custom && string.IsNullOrWhiteSpace(f.Title)) return Failure.Invalid(nameof(f.Title), "请输入岗位名称。");
        if (f.Kind is PostKind.RoadChief or PostKind.DitchChief && string.IsNullOrWhiteSpace(f.Place)) return Failure.Invalid(nameof(f.Place), "路长、沟长岗位请填写道路或河沟。");
        var post = new Post
        {
            OrgUnitId = unit.Id, OrgPath = unit.Path, Kind = f.Kind, Title = f.Title!.Trim(), Duties = f.Duties?.Trim(), Capacity = f.Capacity,
            GridId = f.GridId, CompoundId = f.CompoundId, BuildingId = f.BuildingId, Place = f.Place?.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(db, units, db.Posts.Where(p => p.Id == post.Id), ct))[0];
    }

    /// <summary>Posts a member may choose: those of the communities they live in or reported to, and of their own branch's community.</summary>
    public static async Task<List<PostDto>> OpenForMeAsync(LianxinDb db, OrgDirectory units, Member me, CancellationToken ct)
    {
        var paths = await CommunityPathsForAsync(db, units, me, ct);
        var posts = db.Posts.AcrossScope().Where(p => p.Open && paths.Any(x => p.OrgPath.StartsWith(x)));
        return await ListAsync(db, units, posts, ct);
    }

    static async Task<List<string>> CommunityPathsForAsync(LianxinDb db, OrgDirectory units, Member me, CancellationToken ct)
    {
        var ids = await db.DualReports.AcrossScope().Where(r => r.MemberId == me.Id && r.Status != DualReportStatus.Withdrawn).Select(r => r.CommunityId).ToListAsync(ct);
        if (me.ResidenceCommunityId is { } home) ids.Add(home);
        var paths = (await units.ManyAsync(ids, ct)).Select(u => u.Path).ToList();
        if (await units.CommunityOfAsync(me.OrgPath, ct) is { } own) paths.Add(own.Path);
        return paths.Distinct().ToList();
    }

    public static async Task<Outcome<ClaimDto>> ClaimAsync(LianxinDb db, OrgDirectory units, TimeProvider clock, Guid postId, ClaimForm f, CancellationToken ct)
    {
        var me = await Me.FindAsync(db, ct);
        if (me is null) return Failure.Conflict("您的账号尚未关联党员档案，请联系所在支部。");
        if (!me.OnRoster) return Failure.Conflict("党籍状态不在册，不能认领岗位。");
        var paths = await CommunityPathsForAsync(db, units, me, ct);
        var post = await db.Posts.AcrossScope().FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null || !paths.Any(x => post.OrgPath.StartsWith(x, StringComparison.Ordinal))) return Failure.NotFound;
        if (!post.Open) return Failure.Conflict("岗位已关闭。");
        if (await db.PostClaims.AcrossScope().AnyAsync(c => c.PostId == postId && c.MemberId == me.Id && (c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Approved), ct))
            return Failure.Conflict("您已认领该岗位。");
        var claim = new PostClaim
        {
            TenantId = db.CurrentTenantId, PostId = post.Id, MemberId = me.Id, MemberName = me.Name, OrgPath = post.OrgPath, Source = ClaimSource.SelfChosen,
            Status = ClaimStatus.Pending, Pledge = f.Pledge?.Trim(), ClaimedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PostClaims.Add(claim);
        await db.SaveChangesAsync(ct);
        return ToDto(claim);
    }

    /// <summary>支部定岗: the branch puts a member on a post at once (capacity permitting).</summary>
    public static async Task<Outcome<ClaimDto>> AssignAsync(LianxinDb db, TimeProvider clock, Guid postId, AssignForm f, CancellationToken ct)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, post.OrgPath)) return Failure.Forbidden;
        // A member held in the scope, or one who reported to this community.
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == f.MemberId, ct)
            ?? await db.Members.AcrossScope().Where(m => m.Id == f.MemberId
                && db.Set<DualReport>().Any(r => r.MemberId == m.Id && r.Status != DualReportStatus.Withdrawn && post.OrgPath.StartsWith(r.OrgPath))).FirstOrDefaultAsync(ct);
        if (member is null || !member.OnRoster) return Failure.Invalid(nameof(f.MemberId), "所选党员不存在或不在册。");
        if (await db.PostClaims.AnyAsync(c => c.PostId == postId && c.MemberId == member.Id && (c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Approved), ct))
            return Failure.Conflict("该党员已在此岗位或正在审核。");
        var held = await db.PostClaims.CountAsync(c => c.PostId == postId && c.Status == ClaimStatus.Approved, ct);
        if (post.CannotApproveAnother(held) is { } full) return Failure.Conflict(full);
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = new PostClaim
        {
            PostId = post.Id, MemberId = member.Id, MemberName = member.Name, OrgPath = post.OrgPath, Source = ClaimSource.Assigned, Status = ClaimStatus.Approved,
            Pledge = f.Pledge?.Trim(), ClaimedAt = now, DecidedAt = now, DecidedBy = db.Scope.UserName, DecisionNote = "支部定岗",
        };
        db.PostClaims.Add(claim);
        await ActivateReportAsync(db, member.Id, post.OrgPath, ct);
        await db.SaveChangesAsync(ct);
        return ToDto(claim);
    }

    public static async Task<Outcome<ClaimDto>> DecideAsync(LianxinDb db, TimeProvider clock, Guid claimId, DecisionForm f, CancellationToken ct)
    {
        var claim = await db.PostClaims.FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, claim.OrgPath)) return Failure.Forbidden;
        if (claim.Version != f.Version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (claim.Status != ClaimStatus.Pending) return Failure.Conflict("该认领已处理。");
        if (f.Approve)
        {
            var post = await db.Posts.FirstAsync(p => p.Id == claim.PostId, ct);
            var held = await db.PostClaims.CountAsync(c => c.PostId == post.Id && c.Status == ClaimStatus.Approved, ct);
            if (post.CannotApproveAnother(held) is { } full) return Failure.Conflict(full);
            await ActivateReportAsync(db, claim.MemberId, post.OrgPath, ct);
        }
        claim.Status = f.Approve ? ClaimStatus.Approved : ClaimStatus.Rejected;
        claim.DecidedAt = clock.GetUtcNow().UtcDateTime;
        claim.DecidedBy = db.Scope.UserName;
        claim.DecisionNote = f.Note?.Trim();
        await db.SaveChangesAsync(ct);
        return ToDto(claim);
    }

    public static async Task<Outcome<ClaimDto>> EndAsync(LianxinDb db, TimeProvider clock, Guid claimId, int version, CancellationToken ct)
    {
        var claim = await db.PostClaims.FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, claim.OrgPath)) return Failure.Forbidden;
        if (claim.Version != version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (claim.Status != ClaimStatus.Approved) return Failure.Conflict("只有在岗的认领才能结束。");
        claim.Status = ClaimStatus.Ended;
        claim.EndedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return ToDto(claim);
    }

    /// <summary>A reported member who takes a post in that community is now serving there (在岗服务).</summary>
    static async Task ActivateReportAsync(LianxinDb db, Guid memberId, string postPath, CancellationToken ct)
    {
        var reports = await db.DualReports.AcrossScope().Where(r => r.MemberId == memberId && r.Status == DualReportStatus.Reported).ToListAsync(ct);
        foreach (var r in reports.Where(r => postPath.StartsWith(r.OrgPath, StringComparison.Ordinal))) r.Status = DualReportStatus.Active;
    }
}
