using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>
/// Confirmed volunteering hours earn points at the community's rate for the activity's kind (the default rate when it set
/// none): issuing account → the volunteer's depositor account. Keyed by the attendance, so a re-delivered or re-published
/// confirmation credits once.
/// </summary>
public class CreditVolunteerHours(LianxinDb db, OrgDirectory org, TimeProvider clock, PointsBankOptions options) : IEventHandler<VolunteerHoursConfirmed>
{
    sealed record CreditRead(Account Issuing, Account? Depositor, int? Rate, bool Credited);

    // Whether the attendance was credited, the rate and both accounts, in one round trip (ADR 0047); compiled once (ADR 0057),
    // as the till's read. The community is the one whose issuing account hangs on a unit of the activity's path (only a
    // community has one, and a path holds one community), so an earning needs no read of the org tree once the community
    // has earned before. A left join, not a subquery per row: SQLite has no APPLY. The depositor's account is unique per community.
    static readonly Func<LianxinDb, Guid[], Guid, string, string, CancellationToken, Task<CreditRead?>> ReadCredit = QueryFilters.CompileFirstAcrossScope(
        (LianxinDb db, Guid[] pathIds, Guid userId, string activityKind, string key) =>
                from a in db.Set<Account>().AsNoTracking().Where(a => pathIds.Contains(a.CommunityId) && a.Kind == AccountKind.Issuing && a.OwnerId == a.CommunityId)
                join d in db.Set<Account>().Where(d => d.Kind == AccountKind.Depositor && d.OwnerId == userId) on a.CommunityId equals d.CommunityId into ds
                from d in ds.DefaultIfEmpty()
                select new CreditRead(a, d,
                    db.Set<EarnRate>().Where(r => r.CommunityId == a.CommunityId && r.ActivityKind == activityKind).Select(r => (int?)r.PointsPerHour).FirstOrDefault(),
                    db.Set<Transfer>().Any(t => t.Key == key)));

    public async Task HandleAsync(VolunteerHoursConfirmed e, CancellationToken ct)
    {
        var key = $"hours:{e.AttendanceId:N}";
        var read = await ReadCredit(db, [.. OrgDirectory.IdsOf(e.CommunityPath)], e.UserId, e.ActivityKind, key, ct);
        if (read?.Credited ?? await db.PbTransfers.AcrossScope().AnyAsync(t => t.Key == key, ct)) return;
        // The community's first earning finds no issuing account: the community from the org tree, and the accounts one by
        // one, making what is missing.
        var community = read is not null ? new BankCommunity(read.Issuing.CommunityId, read.Issuing.OrgPath, "")
            : await Ledger.CommunityAsync(org, e.CommunityPath, ct)
              ?? throw new InvalidOperationException($"No community above {e.CommunityPath}: the hours of attendance {e.AttendanceId} cannot be credited.");
        var rate = (read is null
            ? await db.PbEarnRates.AcrossScope().Where(r => r.CommunityId == community.Id && r.ActivityKind == e.ActivityKind).Select(r => (int?)r.PointsPerHour).FirstOrDefaultAsync(ct)
            : read.Rate) ?? options.DefaultPointsPerHour;
        var points = LedgerRules.PointsFor(e.Minutes, rate);
        if (points == 0) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var issuing = read?.Issuing ?? await Ledger.SystemAccountAsync(db, community, AccountKind.Issuing, now, ct);
        var depositor = read?.Depositor ?? await Ledger.EnsureAsync(db, community, AccountKind.Depositor, e.UserId, e.PersonName, now, ct);
        var transfer = Ledger.New(key, TransferKind.Earn, issuing, depositor, points, community, now, "hours", e.AttendanceId,
            $"志愿服务 · {e.ActivityTitle}（{e.Day:yyyy-MM-dd}，{e.Minutes / 60.0:0.#} 小时）", null);
        db.PbTransfers.Add(transfer);
        // The dispatcher's transaction holds this save, the balance move and the inbox row together. A failed save from
        // here on fails the handler, and the dispatcher rolls the whole transaction back: no SAVEPOINT and RELEASE round
        // trips around this save and the inbox row's (ADR 0047). Only after EnsureAsync, whose unique-index race needs one.
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveChangesAsync(ct);
        if (!await Ledger.ApplyAsync(db, [transfer], ct)) throw new InvalidOperationException("Earning debits only the issuing account.");
    }
}
