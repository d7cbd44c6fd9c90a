namespace Lianxin.Web.Modules.Members.Domain;

/// <summary>
/// Changes to the members' figure rows (<c>mem_unit_figures</c> per branch and community of residence, <c>mem_mobile_figures</c>
/// per unit and span of working away), summed per row; what the aggregate upserts.
/// </summary>
public sealed class MemberFiguresTally
{
    readonly Dictionary<(Guid Tenant, Guid Branch, Guid Community), (string Path, string CommunityPath, int Members, int Reported)> members = [];
    readonly Dictionary<(Guid Tenant, string Path, DateOnly From, DateOnly To), int> spans = [];

    public void Member(Guid tenant, Guid branch, string path, Guid community, string communityPath, int n, int reported)
    {
        var old = members.GetValueOrDefault((tenant, branch, community));
        members[(tenant, branch, community)] = (path, communityPath, old.Members + n, old.Reported + reported);
    }

    public void Mobile(Guid tenant, string path, DateOnly from, DateOnly to, int n) =>
        spans[(tenant, path, from, to)] = spans.GetValueOrDefault((tenant, path, from, to)) + n;

    // Both lists in key order: two saves upserting the same rows lock them in the same order (a member moved A → B beside
    // one moved B → A waits instead of deadlocking; ADR 0026).

    public IReadOnlyList<(Guid Tenant, Guid Branch, Guid Community, string Path, string CommunityPath, int Members, int Reported)> MemberChanges =>
        members.Where(x => x.Value.Members != 0 || x.Value.Reported != 0)
            .OrderBy(x => x.Key.Tenant).ThenBy(x => x.Key.Branch).ThenBy(x => x.Key.Community)
            .Select(x => (x.Key.Tenant, x.Key.Branch, x.Key.Community, x.Value.Path, x.Value.CommunityPath, x.Value.Members, x.Value.Reported))
            .ToList();

    public IReadOnlyList<(Guid Tenant, string Path, DateOnly From, DateOnly To, int Members)> SpanChanges =>
        spans.Where(x => x.Value != 0)
            .OrderBy(x => x.Key.Tenant).ThenBy(x => x.Key.Path, StringComparer.Ordinal).ThenBy(x => x.Key.From).ThenBy(x => x.Key.To)
            .Select(x => (x.Key.Tenant, x.Key.Path, x.Key.From, x.Key.To, x.Value))
            .ToList();
}
