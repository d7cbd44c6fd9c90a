using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>A member (current or past): a partner unit (with its kind) or an org unit ("党组织").</summary>
public record AllianceMemberRow(Guid Id, Guid? PartnerUnitId, Guid? OrgUnitId, string Name, string KindName, DateOnly JoinedOn, DateOnly? LeftOn, bool IsLead);

/// <summary>A unit that could join: <c>p:</c> partner units, <c>o:</c> org units (the form's one select).</summary>
public record AllianceCandidate(string Key, string Name, string KindName)
{
    /// <summary>The select's value back as (partner unit, org unit); (null, null) when it is neither.</summary>
    public static (Guid? PartnerUnitId, Guid? OrgUnitId) Parse(string? key) => key switch
    {
        ['p', ':', .. var id] when Guid.TryParse(id, out var g) => (g, null),
        ['o', ':', .. var id] when Guid.TryParse(id, out var g) => (null, g),
        _ => (null, null),
    };

    public static string KeyOf(Guid? partnerUnitId, Guid? orgUnitId) => partnerUnitId is { } p ? $"p:{p}" : orgUnitId is { } o ? $"o:{o}" : "";
}

public record AllianceDetail(Guid Id, Guid OrgUnitId, string OrgUnitName, string Name, string Theme, DateOnly FoundedOn, Guid? LeadPartnerUnitId, Guid? LeadOrgUnitId,
    string LeadName, int Version, bool CanManage, IReadOnlyList<AllianceMemberRow> Members, IReadOnlyList<AllianceCandidate> Candidates)
{
    public IEnumerable<AllianceMemberRow> Current => Members.Where(m => m.LeftOn is null);
    public IEnumerable<AllianceMemberRow> Former => Members.Where(m => m.LeftOn is not null);
}

public static class GetAlliance
{
    public static async Task<Outcome<AllianceDetail>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var a = await db.Alliances.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Failure.NotFound;
        var members = await db.AllianceMembers.AsNoTracking().Where(m => m.AllianceId == id).OrderBy(m => m.JoinedOn).ToListAsync(ct);
        var partnerIds = members.Select(m => m.PartnerUnitId).OfType<Guid>().ToList();
        // Partner units above the caller's subtree cannot be members (they are stationed in the alliance's unit), so the scope filter stays.
        var partners = await db.PartnerUnits.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var orgUnits = (await org.ManyAsync(members.Select(m => m.OrgUnitId).OfType<Guid>().Append(a.OrgUnitId), ct)).ToDictionary(u => u.Id);
        var rows = members.Select(m => Row(m, a, partners, orgUnits)).OrderByDescending(m => m.IsLead).ThenBy(m => m.JoinedOn).ThenBy(m => m.Name).ToList();
        var manage = db.Scope.Can(CoBuildingPermissions.Manage, a.OrgPath);
        var candidates = manage ? await CandidatesAsync(db, org, a.OrgPath, rows, ct) : [];
        var lead = rows.FirstOrDefault(r => r.IsLead && r.LeftOn is null);
        return new AllianceDetail(a.Id, a.OrgUnitId, orgUnits.TryGetValue(a.OrgUnitId, out var home) ? home.DisplayName : "—", a.Name, a.Theme, a.FoundedOn,
            a.LeadPartnerUnitId, a.LeadOrgUnitId, lead?.Name ?? "—", a.Version, manage, rows, candidates);
    }

    static AllianceMemberRow Row(AllianceMember m, Alliance a, Dictionary<Guid, PartnerUnit> partners, Dictionary<Guid, OrgUnitRef> orgUnits)
    {
        var (name, kind) = m.PartnerUnitId is { } p
            ? partners.TryGetValue(p, out var pu) ? (pu.Name, pu.Kind.Chinese()) : ("—", "")
            : orgUnits.TryGetValue(m.OrgUnitId!.Value, out var ou) ? (ou.DisplayName, "党组织") : ("—", "党组织");
        var lead = m.PartnerUnitId is { } lp ? a.LeadPartnerUnitId == lp : a.LeadOrgUnitId == m.OrgUnitId;
        return new AllianceMemberRow(m.Id, m.PartnerUnitId, m.OrgUnitId, name, kind, m.JoinedOn, m.LeftOn, lead && m.LeftOn is null);
    }

    /// <summary>The partner units stationed in the alliance's unit and its org units (communities, branches) that are not current members.</summary>
    internal static async Task<List<AllianceCandidate>> CandidatesAsync(LianxinDb db, OrgDirectory org, string home, IReadOnlyList<AllianceMemberRow> rows, CancellationToken ct)
    {
        var current = rows.Where(r => r.LeftOn is null).ToList();
        var inPartners = current.Select(r => r.PartnerUnitId).OfType<Guid>().ToHashSet();
        var inOrgs = current.Select(r => r.OrgUnitId).OfType<Guid>().ToHashSet();
        var partners = await db.PartnerUnits.AsNoTracking().Where(p => p.OrgPath.StartsWith(home)).OrderBy(p => p.Name).ToListAsync(ct);
        var units = (await org.SubtreeAsync(home, ct)).Where(u => u.IsActive && u.Kind is OrgKind.Street or OrgKind.Community or OrgKind.Branch).Take(100);
        return partners.Where(p => !inPartners.Contains(p.Id)).Select(p => new AllianceCandidate($"p:{p.Id}", p.Name, p.Kind.Chinese()))
            .Concat(units.Where(u => !inOrgs.Contains(u.Id)).Select(u => new AllianceCandidate($"o:{u.Id}", u.DisplayName, "党组织"))).ToList();
    }
}
