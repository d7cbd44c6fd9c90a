using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>The pipeline follows a moved branch; a branch with people still in its pipeline cannot be dissolved.</summary>
public class PartyWorkUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["pw_recruits"] = await db.RebaseAsync<Recruit>(oldRoot, newRoot, ct),
            ["pw_recruit_entries"] = await db.RebaseAsync<RecruitEntry>(oldRoot, newRoot, ct),
            ["pw_committees"] = await db.RebaseAsync<Committee>(oldRoot, newRoot, ct),
            ["pw_committee_seats"] = await db.RebaseAsync<CommitteeSeat>(oldRoot, newRoot, ct),
            ["pw_elections"] = await db.RebaseAsync<Election>(oldRoot, newRoot, ct),
            ["pw_reserve_cadres"] = await db.RebaseAsync<ReserveCadre>(oldRoot, newRoot, ct),
            ["pw_rectifications"] = await db.RebaseAsync<BranchRectification>(oldRoot, newRoot, ct),
            ["pw_rectification_tasks"] = await db.RebaseAsync<RectificationTask>(oldRoot, newRoot, ct),
            ["pw_rectification_progress"] = await db.RebaseAsync<RectificationProgress>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.Recruits.AcrossScope().CountAsync(r => r.OrgPath == path && r.State == RecruitState.Active, ct);
        return n == 0 ? null : $"{n} 名发展中的入党申请人、积极分子、发展对象或预备党员";
    }
}
