using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>What an alliance is: its street or community, name, theme, founding day and lead (a partner unit or an org unit).</summary>
public class AllianceInput
{
    public Guid OrgUnitId { get; set; }
    public string Name { get; set; } = "";
    public string Theme { get; set; } = "";
    public DateOnly? FoundedOn { get; set; }
    public Guid? LeadPartnerUnitId { get; set; }
    public Guid? LeadOrgUnitId { get; set; }
}

public record AllianceSaved(Guid Id, int Version);

/// <summary>A street or community founds a 党建联盟; its lead joins it on the founding day (a lead is always a member).</summary>
public static class CreateAlliance
{
    public static async Task<Outcome<AllianceSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, AllianceInput r, CancellationToken ct)
    {
        var home = await CreatePartnerUnit.StationAsync(org, r.OrgUnitId, ct);
        if (home is null) return Failure.Invalid(nameof(r.OrgUnitId), "请选择联盟所属的街道或社区。");
        if (!db.Scope.Can(CoBuildingPermissions.Manage, home.Path)) return Failure.Forbidden;
        var e = Check(r);
        var lead = await MemberAsync(db, org, home.Path, r.LeadPartnerUnitId, r.LeadOrgUnitId, e, nameof(r.LeadPartnerUnitId), ct);
        if (e.Any) return Failure.Invalid(e);

        var alliance = new Alliance { OrgUnitId = home.Id, OrgPath = home.Path, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(alliance, r);
        db.Alliances.Add(alliance);
        db.AllianceMembers.Add(new AllianceMember
        {
            AllianceId = alliance.Id, OrgPath = home.Path, PartnerUnitId = lead!.Value.PartnerUnitId, OrgUnitId = lead.Value.OrgUnitId, JoinedOn = r.FoundedOn!.Value,
        });
        await db.SaveChangesAsync(ct);
        return new AllianceSaved(alliance.Id, alliance.Version);
    }

    internal static Errors Check(AllianceInput r)
    {
        var e = new Errors();
        e.Required(nameof(r.Name), r.Name, "请填写联盟名称。");
        e.Max(nameof(r.Name), r.Name, 100, "联盟名称");
        e.Required(nameof(r.Theme), r.Theme, "请填写联盟的共建主题。");
        e.Max(nameof(r.Theme), r.Theme, 500, "共建主题");
        if (r.FoundedOn is null) e.Fail(nameof(r.FoundedOn), "请填写成立日期。");
        return e;
    }

    internal static void Apply(Alliance a, AllianceInput r)
    {
        a.Name = r.Name.Trim();
        a.Theme = r.Theme.Trim();
        a.FoundedOn = r.FoundedOn!.Value;
        (a.LeadPartnerUnitId, a.LeadOrgUnitId) = (r.LeadPartnerUnitId, r.LeadPartnerUnitId is null ? r.LeadOrgUnitId : null);
    }

    /// <summary>
    /// A unit that may belong to an alliance of the unit at <paramref name="home"/>: exactly one of a partner unit stationed in it or an
    /// active org unit in it, both seen by the caller. Null (with a field error) otherwise.
    /// </summary>
    internal static async Task<(Guid? PartnerUnitId, Guid? OrgUnitId)?> MemberAsync(LianxinDb db, OrgDirectory org, string home, Guid? partnerUnitId, Guid? orgUnitId,
        Errors e, string field, CancellationToken ct)
    {
        if (partnerUnitId is { } p)
        {
            if (await db.PartnerUnits.AnyAsync(u => u.Id == p && u.OrgPath.StartsWith(home), ct)) return (p, null);
            e.Fail(field, "请选择驻在本街道或社区的共建单位。");
            return null;
        }
        if (orgUnitId is { } o)
        {
            if (await org.FindAsync(o, ct) is { IsActive: true } unit && unit.Path.StartsWith(home, StringComparison.Ordinal)) return (null, o);
            e.Fail(field, "请选择本街道或社区内的党组织。");
            return null;
        }
        e.Fail(field, field == nameof(AllianceInput.LeadPartnerUnitId) ? "请选择牵头单位。" : "请选择要加入的单位。");
        return null;
    }
}
