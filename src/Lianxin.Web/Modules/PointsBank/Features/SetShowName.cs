using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record ShowNameRequest(bool ShowName);

/// <summary>The depositor chooses whether the public X贤榜 shows their name (else masked, 王**).</summary>
public static class SetShowName
{
    public static async Task<Outcome<ShowNameRequest>> HandleAsync(LianxinDb db, ShowNameRequest r, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } me) return Failure.Forbidden;
        await db.PbAccounts.AcrossScope().Where(a => a.Kind == AccountKind.Depositor && a.OwnerId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ShowName, r.ShowName), ct);
        return r;
    }
}
