using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Contracts;

/// <summary>Confirmed volunteering hours as other modules read them (Members' 双报告 reports them back to the workplace).</summary>
public class VolunteerHours(LianxinDb db)
{
    /// <summary>
    /// Confirmed minutes per party member at activities held under <paramref name="subtreePath"/> on Beijing days
    /// [<paramref name="from"/>, <paramref name="to"/>], across the caller's scope (the caller checked the community). Members
    /// without hours are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> MinutesOfMembersAsync(IReadOnlyCollection<Guid> memberIds, string subtreePath,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (memberIds.Count == 0) return new Dictionary<Guid, int>();
        var ids = memberIds.Distinct().ToList();
        var rows = await db.Signups.AcrossScope().AsNoTracking()
            .Where(s => s.MemberId != null && ids.Contains(s.MemberId.Value) && s.OrgPath.StartsWith(subtreePath)
                && s.ConfirmedMinutes != null && s.Day >= from && s.Day <= to)
            .Select(s => new { MemberId = s.MemberId!.Value, Minutes = s.ConfirmedMinutes!.Value }).ToListAsync(ct);
        return rows.GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => g.Sum(r => r.Minutes));
    }
}
