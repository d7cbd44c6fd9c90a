using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record ZoneDto(Guid Id, Guid CommunityId, string Name, string Area, IReadOnlyList<string> Responsible, int Version);

public class ZoneForm
{
    [Required(ErrorMessage = "请选择社区。")]
    public Guid? CommunityId { get; set; }
    [Required(ErrorMessage = "请输入责任区名称。"), StringLength(200)]
    public string? Name { get; set; }
    [Required(ErrorMessage = "请填写责任区范围（楼栋、小区或道路）。"), StringLength(400)]
    public string? Area { get; set; }
    public Guid? CompoundId { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
}

/// <summary>党员责任区: a named zone and the members who answer for it; no zone without a responsible member.</summary>
public static class Zones
{
    public static async Task<List<ZoneDto>> ListAsync(LianxinDb db, CancellationToken ct)
    {
        var zones = await db.ResponsibilityZones.AsNoTracking().OrderBy(z => z.OrgPath).ThenBy(z => z.Name).ToListAsync(ct);
        var ids = zones.Select(z => z.Id).ToList();
        var people = (await db.ZoneMembers.AcrossScope().AsNoTracking().Where(z => ids.Contains(z.ZoneId)).ToListAsync(ct)).ToLookup(z => z.ZoneId);
        return zones.Select(z => new ZoneDto(z.Id, z.CommunityId, z.Name, z.Area, people[z.Id].Select(p => p.MemberName).ToList(), z.Version)).ToList();
    }

    public static async Task<Outcome<ZoneDto>> CreateAsync(LianxinDb db, OrgDirectory units, ZoneForm f, CancellationToken ct)
    {
        var community = f.CommunityId is { } id ? await units.FindAsync(id, ct) : null;
        if (community is not { Kind: OrgKind.Community }) return Failure.Invalid(nameof(f.CommunityId), "所选社区不存在。");
        if (!db.Scope.Can(MemberPermissions.MemberManage, community.Path)) return Failure.Forbidden;
        var ids = f.MemberIds.Distinct().ToList();
        if (ids.Count == 0) return Failure.Invalid(nameof(f.MemberIds), "请至少指定一名责任党员。");
        // Members held in the community or reported to it.
        var members = await db.Members.AcrossScope().Where(m => ids.Contains(m.Id)
                && (m.OrgPath.StartsWith(community.Path) || db.Set<DualReport>().Any(r => r.MemberId == m.Id && r.CommunityId == community.Id && r.Status != DualReportStatus.Withdrawn)))
            .Select(m => new { m.Id, m.Name, m.Status }).ToListAsync(ct);
        if (members.Count != ids.Count || members.Any(m => m.Status is not (MemberStatus.Normal or MemberStatus.Suspended)))
            return Failure.Invalid(nameof(f.MemberIds), "责任党员须为本社区在册党员或已向本社区报到的党员。");
        var zone = new ResponsibilityZone { CommunityId = community.Id, OrgPath = community.Path, Name = f.Name!.Trim(), Area = f.Area!.Trim(), CompoundId = f.CompoundId };
        db.ResponsibilityZones.Add(zone);
        foreach (var m in members) db.ZoneMembers.Add(new ZoneMember { ZoneId = zone.Id, MemberId = m.Id, MemberName = m.Name, OrgPath = community.Path, Role = "责任人" });
        await db.SaveChangesAsync(ct);
        return new ZoneDto(zone.Id, zone.CommunityId, zone.Name, zone.Area, members.Select(m => m.Name).ToList(), zone.Version);
    }
}
