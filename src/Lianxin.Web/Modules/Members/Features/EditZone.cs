using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public class ZoneEditForm
{
    [Required(ErrorMessage = "请输入责任区名称。"), StringLength(200, ErrorMessage = "责任区名称不能超过 200 个字符。")]
    public string? Name { get; set; }
    [Required(ErrorMessage = "请填写责任区范围（楼栋、小区或道路）。"), StringLength(400, ErrorMessage = "责任区范围不能超过 400 个字符。")]
    public string? Area { get; set; }
    public Guid? CompoundId { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>
/// Edits a current zone: name, area, compound and the responsible members. A member taken off keeps their row, ended today
/// (history); a stale version is a conflict.
/// </summary>
public static class EditZone
{
    public static async Task<Outcome<ZoneDto>> HandleAsync(LianxinDb db, OrgDirectory units, TimeProvider clock, Guid id, ZoneEditForm f, CancellationToken ct)
    {
        var zone = await db.ResponsibilityZones.FirstOrDefaultAsync(z => z.Id == id, ct);
        if (zone is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, zone.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(f.Name), f.Name, "请输入责任区名称。");
        e.Max(nameof(f.Name), f.Name, 200, "责任区名称");
        e.Required(nameof(f.Area), f.Area, "请填写责任区范围（楼栋、小区或道路）。");
        e.Max(nameof(f.Area), f.Area, 400, "责任区范围");
        var ids = f.MemberIds.Distinct().ToList();
        var community = await units.FindInDistrictAsync(zone.CommunityId, ct) ?? throw new InvalidOperationException($"Community {zone.CommunityId} of a zone is missing.");
        Dictionary<Guid, string>? members = null;
        if (ids.Count == 0) e.Fail(nameof(f.MemberIds), "请至少指定一名责任党员。");
        else if ((members = await ZoneMembers.EligibleAsync(db, community, ids, ct)) is null) e.Fail(nameof(f.MemberIds), ZoneMembers.Problem);
        if (e.Any) return Failure.Invalid(e);
        if (zone.Version != f.Version) return Failure.Stale;
        if (zone.EndedOn is not null) return Failure.Conflict("该责任区已撤销，不能再修改。");

        (zone.Name, zone.Area, zone.CompoundId) = (f.Name!.Trim(), f.Area!.Trim(), f.CompoundId);
        var current = await db.ZoneMembers.AcrossScope().Where(z => z.ZoneId == zone.Id && z.EndedOn == null).ToListAsync(ct);
        foreach (var gone in current.Where(c => !members!.ContainsKey(c.MemberId))) gone.EndedOn = clock.Today();
        foreach (var (memberId, name) in members!.Where(m => current.All(c => c.MemberId != m.Key)))
            db.ZoneMembers.Add(new ZoneMember { ZoneId = zone.Id, MemberId = memberId, MemberName = name, OrgPath = zone.OrgPath, Role = "责任人" });
        db.Entry(zone).State = EntityState.Modified; // a change of members alone is still an edit of the zone: its version moves on
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return await ListZones.OneAsync(db, zone.Id, ct);
    }
}
