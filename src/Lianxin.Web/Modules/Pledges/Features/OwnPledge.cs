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
public static class OwnPledge
{
    public const string Source = "pledges.own";

    internal static async Task<Outcome<MemberRef>> MeAsync(LianxinDb db, MemberDirectory members, CancellationToken ct)
    {
        var me = db.Scope.UserId is { } user ? await members.OfUserInDistrictAsync(user, ct) : null;
        if (me is null) return Failure.Forbidden with { Message = "您的账号尚未关联党员档案，请联系所在支部。" };
        return me;
    }

    internal static void Fill(Pledge p, OwnPledgeRequest r, DateOnly start, DateTime now)
    {
        p.Title = r.Title.Trim();
        p.Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim();
        p.StartOn = start;
        p.DueOn = r.DueOn!.Value;
        p.State = PledgeState.Submitted;
        p.SubmittedAt = now;
        p.ReturnReason = null;
    }

    /// <summary>The secretaries who decide: those of the member's branch and of the community above it.</summary>
    internal static async Task NotifySecretariesAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Pledge p, string member, CancellationToken ct)
    {
        var units = new List<Guid> { p.OrgUnitId };
        if (await org.CommunityOfAsync(p.OrgPath, ct) is { } community && community.Id != p.OrgUnitId) units.Add(community.Id);
        foreach (var unit in units)
            Outbox.Notify(db, clock, new NotificationMessage($"党员承诺待审核：{member}", $"“{p.Title}”，承诺完成时限 {p.DueOn:yyyy-MM-dd}。", "/pledges/approvals", Source,
                RecipientUnitId: unit, Permission: PledgePermissions.PledgeApprove));
    }

    internal static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
