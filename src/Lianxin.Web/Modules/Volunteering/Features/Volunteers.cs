using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>The person signing up: their account, their name, and the party member behind the account (for the 双报告 hours).</summary>
public sealed record Volunteer(Guid UserId, string Name, Guid? MemberId);

public static class Volunteers
{
    /// <summary>The signed-in caller as a volunteer; null for the system or an unknown account.</summary>
    public static async Task<Volunteer?> CurrentAsync(LianxinDb db, MemberDirectory members, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } id) return null;
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        var member = await members.OfUserInDistrictAsync(id, ct);
        return new Volunteer(id, member?.Name ?? name, member?.Id);
    }

    /// <summary>
    /// May the caller take part in an activity at <paramref name="path"/>? Organisers and staff see it in their subtree; a
    /// resident or member of a grid or community takes part in the activities of their own unit and of the units above it.
    /// </summary>
    public static bool Reaches(OrgScope scope, string path) =>
        scope.Sees(path) || scope.Grants.Any(g => g.OrgPath.StartsWith(path, StringComparison.Ordinal));

    /// <summary>Every unit path on the way to the caller's grants (their community, street…), for the list of open activities.</summary>
    public static List<string> AncestorPaths(OrgScope scope) => scope.Grants
        .SelectMany(g => Enumerable.Range(1, g.OrgPath.Length - 1).Where(i => g.OrgPath[i] == '/').Select(i => g.OrgPath[..(i + 1)]))
        .Distinct().ToList();

    /// <summary>The activity when the caller reaches it (else null: 404).</summary>
    public static async Task<Activity?> ActivityAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var a = await db.Activities.AcrossScope().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return a is not null && Reaches(db.Scope, a.OrgPath) ? a : null;
    }
}
