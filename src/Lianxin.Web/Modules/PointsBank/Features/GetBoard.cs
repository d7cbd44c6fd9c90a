using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record BoardRow(int Rank, string Name, long Earned);

public record Board(Guid CommunityId, string Community, IReadOnlyList<BoardRow> Rows);

/// <summary>
/// The public X贤榜 of a community: its depositors ranked by the points they earned (net of corrections, spending does not
/// lower a rank). Only names their owners chose to show; the others masked. A name is typed by whoever opened the account, so a
/// phone or ID number in it is masked too (Platform.Privacy.FreeText, ADR 0030).
/// </summary>
public static class GetBoard
{
    public const int Size = 20;

    public static async Task<Outcome<Board>> HandleAsync(LianxinDb db, OrgDirectory org, Guid communityId, CancellationToken ct)
    {
        var community = await org.FindInDistrictAsync(communityId, ct);
        if (community is not { Kind: OrgKind.Community, IsActive: true }) return Failure.NotFound;
        var t = db.PbTransfers.AcrossScope().Where(x => x.CommunityId == community.Id);
        var earned = await t.Where(x => x.Kind == TransferKind.Earn).GroupBy(x => x.CreditAccountId)
            .Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var reversed = await t.Where(x => x.Kind == TransferKind.Reverse && db.Set<Transfer>().Any(o => o.Id == x.ReversesId && o.Kind == TransferKind.Earn))
            .GroupBy(x => x.DebitAccountId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var top = earned.Select(e => (Account: e.Key, Earned: e.Value - reversed.GetValueOrDefault(e.Key))).Where(e => e.Earned > 0)
            .OrderByDescending(e => e.Earned).ThenBy(e => e.Account).Take(Size).ToList();
        var ids = top.Select(e => e.Account).ToList();
        var accounts = await db.PbAccounts.AcrossScope().AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new { a.Name, a.ShowName }, ct);
        var rows = top.Select((e, i) => new BoardRow(i + 1, accounts[e.Account].ShowName ? FreeText.Public(accounts[e.Account].Name) : LedgerRules.MaskName(accounts[e.Account].Name), e.Earned)).ToList();
        return new Board(community.Id, community.DisplayName.Replace("党委", "").Replace("党总支", ""), rows);
    }
}
