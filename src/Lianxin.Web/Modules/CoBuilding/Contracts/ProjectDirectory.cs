using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Contracts;

/// <summary>A co-building project still running, as an agenda shows it.</summary>
public record RunningProject(Guid Id, string Title, string Goal, DateOnly EndOn, bool Overdue);

/// <summary>A co-building project by its title, as a brand or a list of links shows it.</summary>
public record ProjectTitle(Guid Id, string Title);

/// <summary>The co-building projects other modules read (ADR 0016); it sees what the caller sees.</summary>
public class ProjectDirectory(LianxinDb db)
{
    /// <summary>Running projects under <paramref name="path"/>, those past their end date on <paramref name="today"/> first.</summary>
    public async Task<IReadOnlyList<RunningProject>> RunningUnderAsync(string path, DateOnly today, CancellationToken ct) =>
        await db.CoProjects.AsNoTracking().Where(p => p.OrgPath.StartsWith(path) && p.Status == ProjectStatus.Running)
            .OrderBy(p => p.EndOn).ThenBy(p => p.Id).Take(30)
            .Select(p => new RunningProject(p.Id, p.Title, p.Goal, p.EndOn, p.EndOn < today)).ToListAsync(ct);

    /// <summary>Projects under <paramref name="path"/> the caller sees, newest first (a picker's choices).</summary>
    public async Task<IReadOnlyList<ProjectTitle>> UnderAsync(string path, CancellationToken ct) =>
        await db.CoProjects.AsNoTracking().Where(p => p.OrgPath.StartsWith(path))
            .OrderByDescending(p => p.EndOn).ThenBy(p => p.Id).Take(200)
            .Select(p => new ProjectTitle(p.Id, p.Title)).ToListAsync(ct);

    /// <summary>Projects by id that the caller sees (others are left out).</summary>
    public async Task<IReadOnlyList<ProjectTitle>> TitlesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await db.CoProjects.AsNoTracking().Where(p => list.Contains(p.Id))
            .Select(p => new ProjectTitle(p.Id, p.Title)).ToListAsync(ct);
    }
}
