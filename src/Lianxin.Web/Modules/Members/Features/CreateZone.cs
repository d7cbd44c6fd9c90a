using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Features;

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
public static class CreateZone
{
    public static async Task<Outcome<ZoneDto>> HandleAsync(LianxinDb db, OrgDirectory units, ZoneForm f, CancellationToken ct)
    {
        var community = f.CommunityId is { } id ? await units.FindAsync(id, ct) : null;
        if (community is not { Kind: OrgKind.Community }) return Failure.Invalid(nameof(f.CommunityId), "所选社区不存在。");
        if (!db.Scope.Can(MemberPermissions.MemberManage, community.Path)) return Failure.Forbidden;
        var ids = f.MemberIds.Distinct().ToList();
        if (ids.Count == 0) return Failure.Invalid(nameof(f.MemberIds), "请至少指定一名责任党员。");
        if (await ZoneMembers.EligibleAsync(db, community, ids, ct) is not { } members) return Failure.Invalid(nameof(f.MemberIds), ZoneMembers.Problem);
        var zone = new ResponsibilityZone { CommunityId = community.Id, OrgPath = community.Path, Name = f.Name!.Trim(), Area = f.Area!.Trim(), CompoundId = f.CompoundId };
        db.ResponsibilityZones.Add(zone);
        foreach (var (memberId, name) in members) db.ZoneMembers.Add(new ZoneMember { ZoneId = zone.Id, MemberId = memberId, MemberName = name, OrgPath = community.Path, Role = "责任人" });
        await db.SaveChangesAsync(ct);
        return await ListZones.OneAsync(db, zone.Id, ct);
    }
}
