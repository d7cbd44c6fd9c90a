using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Contracts;

/// <summary>A pledge past its deadline and not done, as an agenda shows it.</summary>
public record OverduePledge(Guid Id, string Title, string ResponsiblePerson, string ResponsibleUnit, DateOnly DueOn, int Progress);

/// <summary>A public pledge by its title, as a brand or a list of links shows it.</summary>
public record PledgeTitle(Guid Id, string Title, Guid OrgUnitId);

/// <summary>The pledges other modules read (ADR 0016); it sees what the caller sees.</summary>
public class PledgeDirectory(LianxinDb db)
{
    /// <summary>Open, published pledges under <paramref name="path"/> whose deadline is before <paramref name="today"/>, the longest overdue first.</summary>
    public async Task<IReadOnlyList<OverduePledge>> OverdueUnderAsync(string path, DateOnly today, CancellationToken ct) =>
        await db.Pledges.AsNoTracking().Where(p => p.OrgPath.StartsWith(path) && p.State == PledgeState.Open && p.Progress < 100 && p.DueOn < today)
            .OrderBy(p => p.DueOn).Take(50)
            .Select(p => new OverduePledge(p.Id, p.Title, p.ResponsiblePerson, p.ResponsibleUnit, p.DueOn, p.Progress)).ToListAsync(ct);

    /// <summary>Public (open or closed) pledges under <paramref name="path"/> the caller sees, newest deadline first (a picker's choices).</summary>
    public async Task<IReadOnlyList<PledgeTitle>> PublicUnderAsync(string path, CancellationToken ct) =>
        await db.Pledges.AsNoTracking().Where(p => p.OrgPath.StartsWith(path) && (p.State == PledgeState.Open || p.State == PledgeState.Closed))
            .OrderByDescending(p => p.DueOn).ThenBy(p => p.Id).Take(200)
            .Select(p => new PledgeTitle(p.Id, p.Title, p.OrgUnitId)).ToListAsync(ct);

    /// <summary>Pledges by id that the caller sees (others are left out).</summary>
    public async Task<IReadOnlyList<PledgeTitle>> TitlesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await db.Pledges.AsNoTracking().Where(p => list.Contains(p.Id))
            .Select(p => new PledgeTitle(p.Id, p.Title, p.OrgUnitId)).ToListAsync(ct);
    }
}
