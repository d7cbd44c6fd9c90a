using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

/// <summary>A post filled at an election or by a later appointment (补选).</summary>
public class SeatInput
{
    public string Post { get; set; } = "";
    /// <summary>The roster member; required on a party committee, optional on the residents' and supervision committees.</summary>
    public Guid? MemberId { get; set; }
    /// <summary>The name of a non-member (residents' committee); ignored when a member is chosen.</summary>
    public string? Name { get; set; }
    public int? Votes { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Post) && MemberId is null && string.IsNullOrWhiteSpace(Name);
}

/// <summary>Checks a seat against the committee's kind: a known post, a party committee's seats held by members of the unit's roster.</summary>
public static class SeatCheck
{
    /// <summary>The seat's holder name when it is valid; field errors go to <paramref name="e"/> under <paramref name="prefix"/>.</summary>
    public static async Task<IReadOnlyList<string?>> CheckAsync(MemberDirectory members, OrgUnitRef unit, CommitteeKind kind, IReadOnlyList<SeatInput> seats,
        int? present, Errors e, string prefix, CancellationToken ct)
    {
        var found = (await members.ManyInDistrictAsync(seats.Where(s => s.MemberId is not null).Select(s => s.MemberId!.Value), ct)).ToDictionary(m => m.Id);
        var posts = CommitteeRules.PostsOf(kind);
        var names = new List<string?>();
        for (var i = 0; i < seats.Count; i++)
        {
            var s = seats[i];
            var at = $"{prefix}[{i}]";
            string? name = null;
            if (!posts.Contains(s.Post)) e.Fail($"{at}.Post", $"第 {i + 1} 行：请选择{kind.Chinese()}的职务。");
            if (s.MemberId is { } mid)
            {
                if (found.GetValueOrDefault(mid) is { OnRoster: true } m && m.BranchPath.StartsWith(unit.Path, StringComparison.Ordinal)) name = m.Name;
                else e.Fail($"{at}.MemberId", $"第 {i + 1} 行：所选党员不在{unit.DisplayName}的党员名册中。");
            }
            else if (kind.IsParty()) e.Fail($"{at}.MemberId", $"第 {i + 1} 行：党组织委员须从本单位党员名册中选择。");
            else if (string.IsNullOrWhiteSpace(s.Name)) e.Fail($"{at}.Name", $"第 {i + 1} 行：请填写姓名。");
            else if (s.Name.Trim().Length > 60) e.Fail($"{at}.Name", $"第 {i + 1} 行：姓名不能超过 60 个字符。");
            else name = s.Name.Trim();
            if (s.Votes is { } v)
            {
                if (v < 0 || (present is { } p && v > p)) e.Fail($"{at}.Votes", $"第 {i + 1} 行：得票数应在 0 至实到人数之间。");
                // 当选须获得超过实到会有选举权人数一半的赞成票.
                else if (kind.IsParty() && present is { } p2 && v * 2 <= p2) e.Fail($"{at}.Votes", $"第 {i + 1} 行：赞成票须超过实到会人数的一半方可当选。");
            }
            names.Add(name);
        }
        if (seats.Count(s => s.Post is CommitteeRules.Secretary or CommitteeRules.Director) > 1) e.Fail(prefix, $"{kind.Chinese()}只能有一名{(kind.IsParty() ? "书记" : "主任")}。");
        if (seats.Where(s => s.MemberId is not null).GroupBy(s => s.MemberId).Any(g => g.Count() > 1)) e.Fail(prefix, "同一人不能担任两个职务。");
        return names;
    }
}
