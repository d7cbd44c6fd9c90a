using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>Partner units and seats follow a moved street or community; one with partner units stationed in it cannot be dissolved.</summary>
public class CoBuildingUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["cob_partner_units"] = await db.RebaseAsync<PartnerUnit>(oldRoot, newRoot, ct),
            ["cob_committee_seats"] = await db.RebaseAsync<CommitteeSeat>(oldRoot, newRoot, ct),
            ["cob_alliances"] = await db.RebaseAsync<Alliance>(oldRoot, newRoot, ct),
            ["cob_alliance_members"] = await db.RebaseAsync<AllianceMember>(oldRoot, newRoot, ct),
            ["cob_committee_meetings"] = await db.RebaseAsync<CommitteeMeeting>(oldRoot, newRoot, ct),
            ["cob_committee_attendance"] = await db.RebaseAsync<CommitteeAttendance>(oldRoot, newRoot, ct),
            ["cob_committee_decisions"] = await db.RebaseAsync<CommitteeDecision>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.PartnerUnits.AcrossScope().CountAsync(p => p.OrgPath == path, ct);
        return n == 0 ? null : $"{n} 家驻区共建单位";
    }
}
