using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

public class CommitteeMemberInput
{
    public string Name { get; set; } = "";
    public string Post { get; set; } = "委员";
    public bool IsPartyMember { get; set; }
}

public class OwnersCommitteeRequest
{
    public DateOnly? TermFrom { get; set; }
    public DateOnly? TermTo { get; set; }
    public bool LedByBranch { get; set; }
    public string? LeadingBranch { get; set; }
    public List<CommitteeMemberInput> Members { get; set; } = [];
}

public record CommitteeSaved(Guid Id);

/// <summary>A compound's owners' committee (业委会) for a new term; terms of one compound may not overlap.</summary>
public static class SaveOwnersCommittee
{
    public static async Task<Outcome<CommitteeSaved>> HandleAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid compoundId, OwnersCommitteeRequest r, CancellationToken ct)
    {
        var compound = await CompoundAccess.SeenAsync(db, places, compoundId, ct);
        if (compound is null) return Failure.NotFound;
        if (!db.Scope.Can(DeliberationPermissions.Manage, compound.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        if (r.TermFrom is null) e.Fail(nameof(r.TermFrom), "请填写任期开始日期。");
        if (r.TermTo is null) e.Fail(nameof(r.TermTo), "请填写任期结束日期。");
        else if (r.TermFrom is { } f && r.TermTo <= f) e.Fail(nameof(r.TermTo), "任期结束日期须晚于开始日期。");
        e.Max(nameof(r.LeadingBranch), r.LeadingBranch, 100, "领导的党组织");
        if (r.LedByBranch && string.IsNullOrWhiteSpace(r.LeadingBranch)) e.Fail(nameof(r.LeadingBranch), "请填写领导业委会的党组织。");
        var members = (r.Members ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Name)).ToList();
        if (members.Count is < 3 or > 15) e.Fail(nameof(r.Members), "业委会成员须为 3–15 人。");
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Name.Trim().Length > 60) e.Fail($"Members[{i}].Name", $"第 {i + 1} 位成员姓名不能超过 60 个字符。");
            if (string.IsNullOrWhiteSpace(members[i].Post) || members[i].Post.Trim().Length > 40) e.Fail($"Members[{i}].Post", $"第 {i + 1} 位成员请填写职务（40 字以内）。");
        }
        if (e.Any) return Failure.Invalid(e);
        if (await db.OwnersCommittees.AnyAsync(c => c.CompoundId == compoundId && c.TermFrom <= r.TermTo && c.TermTo >= r.TermFrom, ct))
            return Failure.Conflict("该任期与本小区已登记的业委会任期重叠。");

        var committee = new OwnersCommittee
        {
            CompoundId = compound.Id, OrgPath = compound.OrgPath, TermFrom = r.TermFrom!.Value, TermTo = r.TermTo!.Value, LedByBranch = r.LedByBranch,
            LeadingBranch = r.LedByBranch ? r.LeadingBranch!.Trim() : null, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.OwnersCommittees.Add(committee);
        for (var i = 0; i < members.Count; i++)
            db.OwnersCommitteeMembers.Add(new OwnersCommitteeMember
            {
                CommitteeId = committee.Id, OrgPath = compound.OrgPath, Name = members[i].Name.Trim(), Post = members[i].Post.Trim(), IsPartyMember = members[i].IsPartyMember, SortOrder = i,
            });
        await db.SaveChangesAsync(ct);
        return new CommitteeSaved(committee.Id);
    }

    /// <summary>The members as typed on the page, one a line: "姓名 职务 党员" (separated by spaces or commas; 党员 marks a party member,
    /// and so does "CPC", which the English page asks for).</summary>
    public static List<CommitteeMemberInput> ParseLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split([' ', ',', '，', '、', '\t'], StringSplitOptions.RemoveEmptyEntries))
        .Where(parts => parts.Length > 0)
        .Select(parts => new CommitteeMemberInput
        {
            Name = parts[0], Post = parts.Length > 1 && !IsPartyMark(parts[1]) ? parts[1] : "委员", IsPartyMember = parts.Skip(1).Any(IsPartyMark),
        }).ToList();

    static bool IsPartyMark(string word) => word == "党员" || word.Equals("CPC", StringComparison.OrdinalIgnoreCase);
}
