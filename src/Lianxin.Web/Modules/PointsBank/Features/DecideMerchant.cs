using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record DecideMerchantRequest(bool Approve, string? Note, int Version);

/// <summary>The community approves (the shop's account is opened) or rejects a merchant's application.</summary>
public static class DecideMerchant
{
    public static async Task<Outcome<MerchantRow>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, DecideMerchantRequest r, CancellationToken ct)
    {
        var m = await db.PbMerchants.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(PointsBankPermissions.Manage, m.OrgPath)) return Failure.Forbidden;
        if (m.State != MerchantState.Applied) return Failure.Conflict("该申请已审核过。");
        if (m.Version != r.Version) return Failure.Stale;
        if ((r.Note?.Trim().Length ?? 0) > 200) return Failure.Invalid(nameof(r.Note), "说明不能超过 200 个字符。");
        var now = clock.GetUtcNow().UtcDateTime;
        if (r.Approve)
            await Ledger.EnsureAsync(db, new BankCommunity(m.CommunityId, m.OrgPath, ""), AccountKind.Merchant, m.Id, m.Name, now, ct);
        m.State = r.Approve ? MerchantState.Approved : MerchantState.Rejected;
        m.DecidedAt = now;
        m.DecidedBy = db.Scope.UserId;
        m.DecisionNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        return await db.SaveAsync(ct) is { } stale ? stale : ApplyAsMerchant.Row(m);
    }
}
