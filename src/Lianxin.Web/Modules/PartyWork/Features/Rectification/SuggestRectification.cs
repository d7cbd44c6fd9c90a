using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Rectification;

/// <summary>A unit meeting one or more criteria that can be checked, with what was found ("考评得分 62.5（第三季度观摩）").</summary>
public record RectifyCandidate(Guid UnitId, string UnitName, string CommunityName, IReadOnlyList<string> ReasonCodes, IReadOnlyList<string> Findings);

/// <summary>
/// Suggests units for rectification from what the system knows: a vacant secretary (the committees here), a low total in the latest
/// published review (Reviews' contract), meetings owed over the last year (OrgLife's contract), findings in several rounds
/// (Reviews' contract). Units already under rectification are left out; the street decides.
/// </summary>
public static class SuggestRectification
{
    public static async Task<Outcome<IReadOnlyList<RectifyCandidate>>> HandleAsync(LianxinDb db, OrgDirectory org, ReviewDirectory reviews, OrgLifeDirectory orgLife,
        TimeProvider clock, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PartyWorkPermissions.Rectify)) return Failure.Forbidden;
        var units = (await org.InScopeAsync(ct, true, OrgKind.Community, OrgKind.Branch)).Where(u => db.Scope.Can(PartyWorkPermissions.Rectify, u.Path)).ToDictionary(u => u.Id);
        if (units.Count == 0) return Array.Empty<RectifyCandidate>();
        var roots = OrgScope.RootsOf(units.Values.Select(u => u.Path));
        var criteria = (await RectifyCriteria.AllAsync(db, ct)).Where(c => c.Active && c.Check != RectifyCheck.None).ToList();
        var today = clock.Today();
        var found = new Dictionary<Guid, List<(string Code, string Text)>>();
        void Add(Guid unitId, string code, string text)
        {
            if (!units.ContainsKey(unitId)) return;
            if (!found.TryGetValue(unitId, out var list)) found[unitId] = list = [];
            list.Add((code, text));
        }

        foreach (var c in criteria)
            switch (c.Check)
            {
                case RectifyCheck.VacantSecretary:
                    var current = await db.Committees.AsNoTracking().Where(x => x.Current && (x.Kind == CommitteeKind.BranchCommittee || x.Kind == CommitteeKind.CommunityParty))
                        .Select(x => new { x.Id, x.UnitId, x.Kind }).ToListAsync(ct);
                    var ids = current.Select(x => x.Id).ToList();
                    var withSecretary = (await db.PartyCommitteeSeats.AsNoTracking().Where(s => ids.Contains(s.CommitteeId) && s.Post == CommitteeRules.Secretary && s.LeftOn == null)
                        .Select(s => s.CommitteeId).ToListAsync(ct)).ToHashSet();
                    foreach (var x in current.Where(x => !withSecretary.Contains(x.Id))) Add(x.UnitId, c.Code, "书记空缺");
                    break;
                case RectifyCheck.LowReviewScore:
                    foreach (var root in roots)
                        foreach (var s in await reviews.LatestScoresAsync(root, ct))
                            if (s.Total < (c.Threshold ?? 0)) Add(s.UnitId, c.Code, string.Format(Platform.Localization.Text.Of("考评得分 {0}（{1}）"), s.Total.ToString("0.##"), s.RoundName));
                    break;
                case RectifyCheck.OrgLifeArrears:
                    foreach (var root in roots)
                        foreach (var b in await orgLife.OwingAsync(root, today.AddMonths(-12).AddDays(1), today, ct))
                            if (b.Owed >= (c.Threshold ?? 1)) Add(b.BranchId, c.Code, string.Format(Platform.Localization.Text.Of("近一年组织生活欠 {0} 次"), b.Owed));
                    break;
                case RectifyCheck.RepeatedFindings:
                    var since = clock.GetUtcNow().UtcDateTime.AddYears(-2);
                    foreach (var root in roots)
                        foreach (var (unitId, rounds) in await reviews.RoundsWithFindingsAsync(root, since, ct))
                            if (rounds >= (c.Threshold ?? 2)) Add(unitId, c.Code, $"近两年 {rounds} 轮考评发现问题");
                    break;
            }

        var open = (await db.BranchRectifications.AsNoTracking().Where(r => r.State == RectifyState.Open).Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();
        var communities = units.Values.Where(u => u.Kind == OrgKind.Community).ToList();
        return found.Where(f => !open.Contains(f.Key)).Select(f =>
            {
                var u = units[f.Key];
                var community = u.Kind == OrgKind.Community ? "" : communities.FirstOrDefault(c => u.Path.StartsWith(c.Path, StringComparison.Ordinal))?.DisplayName ?? "";
                return new RectifyCandidate(u.Id, u.DisplayName, community, f.Value.Select(x => x.Code).Distinct().ToList(), f.Value.Select(x => x.Text).ToList());
            })
            .OrderByDescending(c => c.ReasonCodes.Count).ThenBy(c => c.CommunityName).ThenBy(c => c.UnitName).ToList();
    }
}
