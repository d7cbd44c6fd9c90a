using Lianxin.Web.Modules.Mediation.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Mediation.Features;

public record MediationFigureRow(string Community, int Cases, decimal? SuccessRate);

/// <summary>Cases and success rate per community the caller answers for (this year by default), read through the indicators.</summary>
public static class MediationFigures
{
    public static async Task<Outcome<List<MediationFigureRow>>> HandleAsync(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MediationPermissions.View)) return Failure.Forbidden;
        var to = clock.Today();
        var from = new DateOnly(to.Year, 1, 1);
        var communities = (await org.InScopeAsync(ct, true, OrgKind.Community)).ToList();
        var values = await catalog.ReadAsync([MediationIndicators.Cases, MediationIndicators.SuccessRate], communities.Select(c => c.Path).ToList(), from, to, ct);
        return communities.Select(c => new MediationFigureRow(c.DisplayName, (int)(values.GetValueOrDefault((MediationIndicators.Cases, c.Path)).Value ?? 0),
            values.TryGetValue((MediationIndicators.SuccessRate, c.Path), out var v) ? v.Value : null)).ToList();
    }
}
