using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>
/// A pledge another module's meeting asked for (a settled motion, a committee decision): a draft of the deciding unit with the
/// responsible person and deadline named there, which staff check and publish to the board.
/// </summary>
public static class DraftPledge
{
    public static async Task AddAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, string unitPath, string title, string description,
        string responsiblePerson, DateOnly dueOn, CancellationToken ct)
    {
        var unit = await org.FindInDistrictAsync(unitId, ct);
        var today = clock.Today();
        db.Pledges.Add(new Pledge
        {
            OrgUnitId = unitId, OrgPath = unit?.Path ?? unitPath, Title = title.Length > 100 ? title[..100] : title,
            Description = description.Length > 2000 ? description[..2000] : description, Owner = PledgeOwner.Branch,
            ResponsiblePerson = responsiblePerson, ResponsibleUnit = unit?.DisplayName ?? "—", StartOn = today, DueOn = dueOn < today ? today : dueOn,
            State = PledgeState.Draft, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
