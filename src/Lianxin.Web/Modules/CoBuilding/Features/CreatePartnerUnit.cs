using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>A partner unit as entered on its form (new and edit).</summary>
public class PartnerUnitInput
{
    public Guid StationedUnitId { get; set; }
    public string Name { get; set; } = "";
    public PartnerKind Kind { get; set; } = PartnerKind.Agency;
    public string Address { get; set; } = "";
    public string? PartyOrgName { get; set; }
    public string? PartySecretary { get; set; }
    public int PartyMemberCount { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string? Instructor { get; set; }
    /// <summary>The account name of the unit's 共建单位联络员 (blank: none).</summary>
    public string? LiaisonUserName { get; set; }
}

public record PartnerUnitSaved(Guid Id, int Version);

public static class CreatePartnerUnit
{
    public static async Task<Outcome<PartnerUnitSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, PartnerUnitInput r, CancellationToken ct)
    {
        var station = await StationAsync(org, r.StationedUnitId, ct);
        if (station is null) return Failure.Invalid(nameof(r.StationedUnitId), "请选择驻在的街道或社区。");
        if (!db.Scope.Can(CoBuildingPermissions.Manage, station.Path)) return Failure.Forbidden;
        var e = Check(r);
        var liaison = await LiaisonAsync(db, r.LiaisonUserName, e, ct);
        if (e.Any) return Failure.Invalid(e);

        var unit = new PartnerUnit { StationedUnitId = station.Id, OrgPath = station.Path, CreatedAt = clock.GetUtcNow().UtcDateTime, LiaisonUserId = liaison };
        Apply(unit, r);
        db.PartnerUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return new PartnerUnitSaved(unit.Id, unit.Version);
    }

    /// <summary>A partner unit is stationed in a street or a community the caller sees.</summary>
    internal static async Task<OrgUnitRef?> StationAsync(OrgDirectory org, Guid id, CancellationToken ct) =>
        await org.FindAsync(id, ct) is { Kind: OrgKind.Street or OrgKind.Community, IsActive: true } u ? u : null;

    internal static Errors Check(PartnerUnitInput r)
    {
        var e = new Errors();
        e.Required(nameof(r.Name), r.Name, "请填写单位名称。");
        e.Max(nameof(r.Name), r.Name, 100, "单位名称");
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择单位类型。");
        e.Required(nameof(r.Address), r.Address, "请填写单位地址。");
        e.Max(nameof(r.Address), r.Address, 200, "单位地址");
        e.Max(nameof(r.PartyOrgName), r.PartyOrgName, 100, "党组织名称");
        e.Max(nameof(r.PartySecretary), r.PartySecretary, 60, "党组织书记");
        if (r.PartyMemberCount is < 0 or > 100000) e.Fail(nameof(r.PartyMemberCount), "党员人数须在 0–100000 之间。");
        e.Required(nameof(r.ContactName), r.ContactName, "请填写联系人。");
        e.Max(nameof(r.ContactName), r.ContactName, 60, "联系人");
        e.Required(nameof(r.ContactPhone), r.ContactPhone, "请填写联系电话。");
        if (!string.IsNullOrWhiteSpace(r.ContactPhone) && !System.Text.RegularExpressions.Regex.IsMatch(r.ContactPhone.Trim(), @"^[0-9\-]{7,20}$"))
            e.Fail(nameof(r.ContactPhone), "联系电话只能包含数字和“-”，7–20 位。");
        e.Max(nameof(r.Instructor), r.Instructor, 60, "党建指导员");
        return e;
    }

    /// <summary>The account named as liaison: it must exist and hold 共建单位联络员 somewhere the caller sees.</summary>
    internal static async Task<Guid?> LiaisonAsync(LianxinDb db, string? userName, Errors e, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName)) return null;
        var normalized = userName.Trim().ToUpperInvariant();
        // Grants are tenant- and scope-filtered: a liaison of another district or subtree is not found.
        var id = await db.Users.Where(u => u.NormalizedUserName == normalized && !u.IsDisabled
                && db.RoleGrants.Any(g => g.UserId == u.Id && g.Role == Role.PartnerLiaison))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (id is null) e.Fail(nameof(PartnerUnitInput.LiaisonUserName), "未找到该账号，或它不是您辖区内的共建单位联络员。");
        return id;
    }

    internal static void Apply(PartnerUnit u, PartnerUnitInput r)
    {
        u.Name = r.Name.Trim();
        u.Kind = r.Kind;
        u.Address = r.Address.Trim();
        u.PartyOrgName = Blank(r.PartyOrgName);
        u.PartySecretary = Blank(r.PartySecretary);
        u.PartyMemberCount = r.PartyMemberCount;
        u.ContactName = r.ContactName.Trim();
        u.ContactPhone = r.ContactPhone.Trim();
        u.Instructor = Blank(r.Instructor);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
