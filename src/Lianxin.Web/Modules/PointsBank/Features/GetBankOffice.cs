using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record MerchantFigures(Guid Id, string Name, MerchantState State, long RedeemedInPeriod, int Redemptions, long Unsettled, long SettledInPeriod, int Version);

public record BankOffice(Guid CommunityId, string Community, DateOnly From, DateOnly To, long Issued, long Redeemed, long Outstanding, long Held,
    int Depositors, IReadOnlyList<MerchantFigures> Merchants, IReadOnlyList<GoodDeedRow> Deeds, IReadOnlyList<EarnRateRow> Rates, int DefaultRate, bool CanManage);

/// <summary>A community's bank at a glance for its staff: issued, redeemed, outstanding over a period, by merchant; applications and good deeds waiting.</summary>
public static class GetBankOffice
{
    public static async Task<Outcome<BankOffice>> HandleAsync(LianxinDb db, OrgDirectory org, PointsBankIndicators figures, PointsBankOptions options,
        Guid communityId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var c = await org.FindAsync(communityId, ct);
        if (c is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(PointsBankPermissions.View, c.Path)) return Failure.Forbidden;
        if (to < from) return Failure.Invalid("to", "结束日期不能早于开始日期。");
        var f = await figures.ReadAsync([PointsBankIndicators.Issued, PointsBankIndicators.Redeemed, PointsBankIndicators.Outstanding], [c.Path], from, to, ct);
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        var accounts = await db.PbAccounts.AsNoTracking().Where(a => a.CommunityId == c.Id).Select(a => new { a.Kind, a.OwnerId, a.Balance }).ToListAsync(ct);
        var merchants = await db.PbMerchants.AsNoTracking().Where(m => m.CommunityId == c.Id).OrderBy(m => m.State).ThenBy(m => m.Name).ToListAsync(ct);
        var redeemed = await db.PbRedemptions.AsNoTracking().Where(r => r.CommunityId == c.Id && r.State == RedemptionState.Confirmed && r.ClosedAt >= start && r.ClosedAt < end)
            .GroupBy(r => r.MerchantId).Select(g => new { g.Key, Points = g.Sum(r => r.Points), Count = g.Count() }).ToDictionaryAsync(x => x.Key, ct);
        var settled = await db.PbSettlements.AsNoTracking().Where(s => s.CommunityId == c.Id && s.PeriodTo >= from && s.PeriodTo <= to)
            .GroupBy(s => s.MerchantId).Select(g => new { g.Key, Points = g.Sum(s => s.Points) }).ToDictionaryAsync(x => x.Key, x => x.Points, ct);
        var rows = merchants.Select(m => new MerchantFigures(m.Id, m.Name, m.State, redeemed.GetValueOrDefault(m.Id)?.Points ?? 0, redeemed.GetValueOrDefault(m.Id)?.Count ?? 0,
            accounts.FirstOrDefault(a => a.Kind == AccountKind.Merchant && a.OwnerId == m.Id)?.Balance ?? 0, settled.GetValueOrDefault(m.Id), m.Version)).ToList();
        var deeds = (await db.PbGoodDeeds.AsNoTracking().Where(d => d.CommunityId == c.Id).OrderByDescending(d => d.ProposedAt).Take(30).ToListAsync(ct))
            .Select(ProposeGoodDeed.Row).ToList();
        var rates = await db.PbEarnRates.AsNoTracking().Where(r => r.CommunityId == c.Id).OrderBy(r => r.ActivityKind)
            .Select(r => new EarnRateRow(r.ActivityKind, r.PointsPerHour)).ToListAsync(ct);
        return new BankOffice(c.Id, c.DisplayName, from, to, (long)f[(PointsBankIndicators.Issued, c.Path)].Numerator, (long)f[(PointsBankIndicators.Redeemed, c.Path)].Numerator,
            (long)f[(PointsBankIndicators.Outstanding, c.Path)].Numerator, accounts.Where(a => a.Kind == AccountKind.Clearing).Sum(a => a.Balance),
            accounts.Count(a => a.Kind == AccountKind.Depositor), rows, deeds, rates, options.DefaultPointsPerHour, db.Scope.Can(PointsBankPermissions.Manage, c.Path));
    }
}
