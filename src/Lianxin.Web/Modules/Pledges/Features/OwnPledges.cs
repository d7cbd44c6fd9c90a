using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>A member's own pledge (党员承诺): the matter, its deadline and its tasks; <see cref="Version"/> when editing a returned one.</summary>
public class OwnPledgeRequest
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public List<PledgeTaskInput> Tasks { get; set; } = [];
    public int Version { get; set; }
}

public class PledgeDecision
{
    public string? Reason { get; set; }
    public int Version { get; set; }
}

public record OwnPledgeRow(Guid Id, string Title, string? Description, DateOnly StartOn, DateOnly DueOn, int Progress, PledgeState State, string StateName,
    string? ReturnReason, IReadOnlyList<PledgeTaskDto> Tasks, int Version)
{
    /// <summary>Waiting or returned pledges are the member's to edit; once approved they belong to the branch's list.</summary>
    public bool Editable => State is PledgeState.Submitted or PledgeState.Returned;
}

public record PendingPledge(Guid Id, string Title, string? Description, string Member, string Branch, DateOnly StartOn, DateOnly DueOn,
    DateTime? SubmittedAt, IReadOnlyList<PledgeTaskDto> Tasks, int Version);

/// <summary>
/// 党员承诺: a member enters their own pledge from their own page; the secretary of their branch (or of the community) approves it,
/// and only then is it on the public board, or returns it with a reason, and the member edits and resubmits it. Both hear of it
/// through the outbox. A member's own pledges are found by their member record, wherever their roles are held.
/// </summary>
public static class OwnPledges
{
    public const string Source = "pledges.own";

    static async Task<Outcome<MemberRef>> MeAsync(LianxinDb db, MemberDirectory members, CancellationToken ct)
    {
        var me = db.Scope.UserId is { } user ? await members.OfUserInDistrictAsync(user, ct) : null;
        if (me is null) return Failure.Forbidden with { Message = "您的账号尚未关联党员档案，请联系所在支部。" };
        return me;
    }

    public static async Task<Outcome<List<OwnPledgeRow>>> MineAsync(LianxinDb db, MemberDirectory members, CancellationToken ct)
    {
        var me = await MeAsync(db, members, ct);
        if (!me.IsOk) return new Failure(me.Kind, me.Errors, me.Message);
        var id = me.Value!.Id;
        // A member's own rows, wherever the branch lies against the roles the account holds.
        var pledges = await db.Pledges.AcrossScope().AsNoTracking().Where(p => p.MemberId == id).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var ids = pledges.Select(p => p.Id).ToList();
        var tasks = (await db.PledgeTasks.AcrossScope().AsNoTracking().Where(t => ids.Contains(t.PledgeId)).OrderBy(t => t.SortOrder).ToListAsync(ct))
            .ToLookup(t => t.PledgeId);
        return pledges.Select(p => new OwnPledgeRow(p.Id, p.Title, p.Description, p.StartOn, p.DueOn, p.Progress, p.State, p.State.Chinese(), p.ReturnReason,
            tasks[p.Id].Select(t => new PledgeTaskDto(t.Id, t.Title, t.DueOn, t.DoneOn)).ToList(), p.Version)).ToList();
    }

    public static async Task<Outcome<OwnPledgeRow>> MineAsync(LianxinDb db, MemberDirectory members, Guid id, CancellationToken ct)
    {
        var mine = await MineAsync(db, members, ct);
        if (!mine.IsOk) return new Failure(mine.Kind, mine.Errors, mine.Message);
        return mine.Value!.FirstOrDefault(p => p.Id == id) is { } row ? row : Failure.NotFound;
    }

    /// <summary>A new pledge of the caller's own, waiting for the branch secretary.</summary>
    public static async Task<Outcome<PledgeSaved>> SubmitAsync(LianxinDb db, MemberDirectory members, OrgDirectory org, TimeProvider clock, OwnPledgeRequest r, CancellationToken ct)
    {
        var me = await MeAsync(db, members, ct);
        if (!me.IsOk) return new Failure(me.Kind, me.Errors, me.Message);
        var member = me.Value!;
        if (!member.OnRoster) return Failure.Conflict("组织关系不在册的党员不能提交承诺。");
        var e = new Errors();
        var start = r.StartOn ?? clock.Today();
        var tasks = CreatePledge.Check(e, r.Title, r.Description, start, r.DueOn, r.Tasks);
        if (e.Any) return Failure.Invalid(e);
        var branch = await org.FindInDistrictAsync(member.BranchId, ct);
        if (branch is null) return Failure.Conflict("未找到您所在的党支部，请联系支部。");

        var now = clock.GetUtcNow().UtcDateTime;
        var p = new Pledge
        {
            OrgUnitId = branch.Id, OrgPath = branch.Path, Owner = PledgeOwner.Member, ResponsiblePerson = Clip(member.Name, 60), ResponsibleUnit = branch.DisplayName,
            MemberId = member.Id, SubmittedBy = db.Scope.UserId, CreatedAt = now,
        };
        Fill(p, r, start, now);
        db.Pledges.Add(p);
        CreatePledge.AddTasks(db, p, tasks);
        await NotifySecretariesAsync(db, org, clock, p, member.Name, ct);
        await db.SaveChangesAsync(ct);
        return new PledgeSaved(p.Id, p.Version);
    }

    /// <summary>The member edits a pledge still waiting or returned to them; it goes (back) to the secretary.</summary>
    public static async Task<Outcome<PledgeSaved>> EditAsync(LianxinDb db, MemberDirectory members, OrgDirectory org, TimeProvider clock, Guid id, OwnPledgeRequest r, CancellationToken ct)
    {
        var me = await MeAsync(db, members, ct);
        if (!me.IsOk) return new Failure(me.Kind, me.Errors, me.Message);
        var member = me.Value!;
        var p = await db.Pledges.AcrossScope().FirstOrDefaultAsync(x => x.Id == id && x.MemberId == member.Id, ct);
        if (p is null) return Failure.NotFound;
        var e = new Errors();
        var start = r.StartOn ?? p.StartOn;
        var tasks = CreatePledge.Check(e, r.Title, r.Description, start, r.DueOn, r.Tasks);
        if (e.Any) return Failure.Invalid(e);
        if (p.State is not (PledgeState.Submitted or PledgeState.Returned)) return Failure.Conflict("承诺已通过审核，不能再修改；进展由支部登记。");
        if (p.Version != r.Version) return Failure.Stale;

        var returned = p.State == PledgeState.Returned;
        Fill(p, r, start, clock.GetUtcNow().UtcDateTime);
        db.PledgeTasks.RemoveRange(await db.PledgeTasks.AcrossScope().Where(t => t.PledgeId == id).ToListAsync(ct));
        CreatePledge.AddTasks(db, p, tasks);
        if (returned) await NotifySecretariesAsync(db, org, clock, p, member.Name, ct);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new PledgeSaved(p.Id, p.Version);
    }

    static void Fill(Pledge p, OwnPledgeRequest r, DateOnly start, DateTime now)
    {
        p.Title = r.Title.Trim();
        p.Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim();
        p.StartOn = start;
        p.DueOn = r.DueOn!.Value;
        p.State = PledgeState.Submitted;
        p.SubmittedAt = now;
        p.ReturnReason = null;
    }

    /// <summary>The pledges waiting for the caller's decision: in scope, where the caller may approve.</summary>
    public static async Task<Outcome<List<PendingPledge>>> PendingAsync(LianxinDb db, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PledgePermissions.PledgeApprove)) return Failure.Forbidden;
        var pledges = (await db.Pledges.AsNoTracking().Where(p => p.State == PledgeState.Submitted).OrderBy(p => p.SubmittedAt).Take(300).ToListAsync(ct))
            .Where(p => db.Scope.Can(PledgePermissions.PledgeApprove, p.OrgPath)).ToList();
        var ids = pledges.Select(p => p.Id).ToList();
        var tasks = (await db.PledgeTasks.AsNoTracking().Where(t => ids.Contains(t.PledgeId)).OrderBy(t => t.SortOrder).ToListAsync(ct)).ToLookup(t => t.PledgeId);
        return pledges.Select(p => new PendingPledge(p.Id, p.Title, p.Description, p.ResponsiblePerson, p.ResponsibleUnit, p.StartOn, p.DueOn, p.SubmittedAt,
            tasks[p.Id].Select(t => new PledgeTaskDto(t.Id, t.Title, t.DueOn, t.DoneOn)).ToList(), p.Version)).ToList();
    }

    /// <summary>The secretary approves (on the board from now on) or returns with a reason. Another branch's pledge is not found;
    /// one's own pledge is not one's to approve.</summary>
    public static async Task<Outcome<PledgeSaved>> DecideAsync(LianxinDb db, TimeProvider clock, Guid id, bool approve, PledgeDecision r, CancellationToken ct)
    {
        var p = await db.Pledges.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || p.MemberId is null) return Failure.NotFound;
        if (!db.Scope.Can(PledgePermissions.PledgeApprove, p.OrgPath)) return Failure.Forbidden;
        if (p.SubmittedBy == db.Scope.UserId) return Failure.Forbidden with { Message = "不能审核自己提交的承诺。" };
        var e = new Errors();
        if (!approve) e.Required(nameof(r.Reason), r.Reason, "请填写退回原因。");
        e.Max(nameof(r.Reason), r.Reason, 500, "退回原因");
        if (e.Any) return Failure.Invalid(e);
        if (p.State != PledgeState.Submitted) return Failure.Conflict($"该承诺当前为“{p.State.Chinese()}”，不在待审核状态。");
        if (p.Version != r.Version) return Failure.Stale;

        p.State = approve ? PledgeState.Open : PledgeState.Returned;
        p.ReturnReason = approve ? null : r.Reason!.Trim();
        p.DecidedBy = Clip(db.Scope.UserName, 60);
        p.DecidedAt = clock.GetUtcNow().UtcDateTime;
        if (p.SubmittedBy is { } member)
            Outbox.Notify(db, clock, approve
                ? new NotificationMessage("您的党员承诺已通过审核", $"“{p.Title}”已在为民解忧榜公开。", "/pledges/mine", Source, RecipientUserId: member)
                : new NotificationMessage("您的党员承诺被退回", $"“{p.Title}”退回原因：{p.ReturnReason}。修改后可重新提交。", "/pledges/mine", Source, RecipientUserId: member));
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new PledgeSaved(p.Id, p.Version);
    }

    /// <summary>The secretaries who decide: those of the member's branch and of the community above it.</summary>
    static async Task NotifySecretariesAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Pledge p, string member, CancellationToken ct)
    {
        var units = new List<Guid> { p.OrgUnitId };
        if (await org.CommunityOfAsync(p.OrgPath, ct) is { } community && community.Id != p.OrgUnitId) units.Add(community.Id);
        foreach (var unit in units)
            Outbox.Notify(db, clock, new NotificationMessage($"党员承诺待审核：{member}", $"“{p.Title}”，承诺完成时限 {p.DueOn:yyyy-MM-dd}。", "/pledges/approvals", Source,
                RecipientUnitId: unit, Permission: PledgePermissions.PledgeApprove));
    }

    static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
