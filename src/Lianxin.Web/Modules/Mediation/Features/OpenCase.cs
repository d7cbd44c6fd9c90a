using Lianxin.Web.Modules.Mediation.Contracts;
using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Features;

public class PartyInput
{
    public PartySide Side { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
}

public class TeamInput
{
    /// <summary>The account (登录名) of the judge, mediator or volunteer.</summary>
    public string UserName { get; set; } = "";
    public TeamDuty Duty { get; set; }
}

public class OpenCaseRequest
{
    public Guid CommunityId { get; set; }
    public DisputeType Type { get; set; } = DisputeType.Neighbour;
    public string Summary { get; set; } = "";
    public DateOnly? OpenedOn { get; set; }
    public List<PartyInput> Parties { get; set; } = [];
    public List<TeamInput> Team { get; set; } = [];
}

public record CaseSaved(Guid Id, string CaseNo, int Version);

/// <summary>A community registers a dispute and forms its team (社区法官、社区调解员、调解志愿者, people with accounts).</summary>
public static class OpenCase
{
    public static async Task<Outcome<CaseSaved>> HandleAsync(LianxinDb db, OrgDirectory org, PersonalData personal, TimeProvider clock, OpenCaseRequest r, CancellationToken ct)
    {
        var e = new Errors();
        var community = await org.FindAsync(r.CommunityId, ct);
        if (community is not { Kind: OrgKind.Community, IsActive: true }) e.Fail(nameof(r.CommunityId), "请选择社区。");
        else if (!db.Scope.Can(MediationPermissions.Open, community.Path)) return Failure.Forbidden;
        if (!Enum.IsDefined(r.Type)) e.Fail(nameof(r.Type), "请选择纠纷类型。");
        e.Required(nameof(r.Summary), r.Summary, "请简述纠纷情况。");
        e.Max(nameof(r.Summary), r.Summary, 2000, "纠纷情况");
        var today = clock.Today();
        if (r.OpenedOn > today) e.Fail(nameof(r.OpenedOn), "受理日期不能晚于今天。");
        var parties = (r.Parties ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.Phone)).ToList();
        if (!parties.Any(p => p.Side == PartySide.Applicant) || !parties.Any(p => p.Side == PartySide.Respondent))
            e.Fail(nameof(r.Parties), "请至少填写一名申请人和一名被申请人。");
        for (var i = 0; i < parties.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(parties[i].Name) || parties[i].Name.Trim().Length > 30) e.Fail($"Parties[{i}].Name", $"第 {i + 1} 位当事人请填写姓名（30 字以内）。");
            if (!string.IsNullOrWhiteSpace(parties[i].Phone) && !System.Text.RegularExpressions.Regex.IsMatch(parties[i].Phone!.Trim(), @"^[0-9\-]{7,20}$"))
                e.Fail($"Parties[{i}].Phone", $"第 {i + 1} 位当事人的电话只能包含数字和“-”，7–20 位。");
        }
        var team = await TeamAsync(db, r.Team ?? [], e, ct);
        if (e.Any) return Failure.Invalid(e);

        var opened = r.OpenedOn ?? today;
        var prefix = $"TJ{opened.Year}-";
        var n = await db.MediationCases.AcrossScope().CountAsync(c => c.CaseNo.StartsWith(prefix), ct);
        var c = new MediationCase
        {
            CommunityId = community!.Id, OrgPath = community.Path, CaseNo = $"{prefix}{n + 1:D4}", Type = r.Type, Summary = r.Summary.Trim(), State = CaseState.Open,
            OpenedOn = opened, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MediationCases.Add(c);
        for (var i = 0; i < parties.Count; i++)
            db.MediationParties.Add(new MediationParty
            {
                CaseId = c.Id, Side = parties[i].Side, NameCipher = personal.Encrypt(parties[i].Name.Trim()), SortOrder = i,
                PhoneCipher = string.IsNullOrWhiteSpace(parties[i].Phone) ? null : personal.Encrypt(parties[i].Phone!.Trim()),
            });
        foreach (var (user, duty) in team) db.MediationTeam.Add(new MediationTeamMember { CaseId = c.Id, UserId = user.Id, DisplayName = user.Name, Duty = duty });
        await db.SaveChangesAsync(ct);
        return new CaseSaved(c.Id, c.CaseNo, c.Version);
    }

    /// <summary>The team's accounts: each must exist in the district and be enabled; a mediator is required.</summary>
    static async Task<List<((Guid Id, string Name) User, TeamDuty Duty)>> TeamAsync(LianxinDb db, List<TeamInput> inputs, Errors e, CancellationToken ct)
    {
        var rows = inputs.Where(t => !string.IsNullOrWhiteSpace(t.UserName)).ToList();
        if (!rows.Any(t => t.Duty == TeamDuty.Mediator)) e.Fail(nameof(OpenCaseRequest.Team), "调解团队至少要有一名社区调解员。");
        var result = new List<((Guid, string), TeamDuty)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var user = await AccountAsync(db, rows[i].UserName, ct);
            if (user is null) e.Fail($"Team[{i}].UserName", $"未找到账号“{rows[i].UserName.Trim()}”。");
            else if (result.Any(x => x.Item1.Item1 == user.Value.Id)) e.Fail($"Team[{i}].UserName", $"账号“{rows[i].UserName.Trim()}”重复。");
            else if (!Enum.IsDefined(rows[i].Duty)) e.Fail($"Team[{i}].Duty", "请选择团队角色。");
            else result.Add((user.Value, rows[i].Duty));
        }
        return result;
    }

    /// <summary>An enabled account of this district by its 登录名, or null.</summary>
    internal static async Task<(Guid Id, string Name)?> AccountAsync(LianxinDb db, string userName, CancellationToken ct)
    {
        var name = userName.Trim().ToUpperInvariant();
        // Grants are tenant-filtered: an account of another district is not found (a team member may sit above or beside the community).
        var user = await db.Users.Where(u => u.NormalizedUserName == name && !u.IsDisabled && db.RoleGrants.AcrossScope().Any(g => g.UserId == u.Id))
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        return user is null ? null : (user.Id, user.DisplayName);
    }
}
