using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Features;

/// <summary>Cases follow their moved community; a community with cases still being mediated cannot be dissolved.</summary>
public class MediationUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int> { ["med_cases"] = await db.RebaseAsync<MediationCase>(oldRoot, newRoot, ct) };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.MediationCases.AcrossScope().CountAsync(c => c.OrgPath == path && c.State == CaseState.Open, ct);
        return n == 0 ? null : $"{n} 件调解中的案件";
    }
}
