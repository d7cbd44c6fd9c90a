using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

/// <summary>
/// An honour as entered. <see cref="OrgUnitId"/> is the honoured unit (kind Unit) or the community that records a resident's honour;
/// a member's honour is filed under the member's branch. A resident is a name only.
/// </summary>
public class HonourInput
{
    public string Title { get; set; } = "";
    public HonourLevel Level { get; set; }
    public string AwardingBody { get; set; } = "";
    public DateOnly? AwardedOn { get; set; }
    public RecipientKind RecipientKind { get; set; }
    public Guid? OrgUnitId { get; set; }
    public Guid? MemberId { get; set; }
    public string? ResidentName { get; set; }
    public int Version { get; set; }
}

public record HonourSaved(Guid Id, int Version);

/// <summary>Records (no id) or corrects an honour: title, level, awarding body, date and recipient.</summary>
public static class SaveHonour
{
    public static async Task<Outcome<HonourSaved>> HandleAsync(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock,
        Guid? id, HonourInput r, CancellationToken ct)
    {
        Honour? honour = null;
        if (id is { } existing)
        {
            honour = await db.Honours.FirstOrDefaultAsync(h => h.Id == existing, ct);
            if (honour is null) return Failure.NotFound;
            if (!db.Scope.Can(ShowcasePermissions.Manage, honour.OrgPath)) return Failure.Forbidden;
        }
        var e = new Errors();
        e.Required(nameof(r.Title), r.Title, "请填写荣誉称号。");
        e.Max(nameof(r.Title), r.Title, 100, "荣誉称号");
        e.Required(nameof(r.AwardingBody), r.AwardingBody, "请填写授予单位。");
        e.Max(nameof(r.AwardingBody), r.AwardingBody, 100, "授予单位");
        if (!Enum.IsDefined(r.Level)) e.Fail(nameof(r.Level), "请选择荣誉级别。");
        if (r.AwardedOn is null) e.Fail(nameof(r.AwardedOn), "请填写授予日期。");
        else if (r.AwardedOn > clock.Today()) e.Fail(nameof(r.AwardedOn), "授予日期不能晚于今天。");

        (Guid UnitId, string Path, string Name)? recipient = null;
        switch (r.RecipientKind)
        {
            case RecipientKind.Unit:
            case RecipientKind.Resident:
                var unit = r.OrgUnitId is { } uid ? await ShowcaseUnits.FindAsync(org, uid, ct) : null;
                if (unit is null) e.Fail(nameof(r.OrgUnitId), r.RecipientKind == RecipientKind.Unit ? "请选择获得荣誉的党组织。" : "请选择居民所在的社区。");
                else if (r.RecipientKind == RecipientKind.Unit) recipient = (unit.Id, unit.Path, unit.DisplayName);
                else
                {
                    e.Required(nameof(r.ResidentName), r.ResidentName, "请填写获奖居民的姓名。");
                    e.Max(nameof(r.ResidentName), r.ResidentName, 30, "居民姓名");
                    if (!string.IsNullOrWhiteSpace(r.ResidentName)) recipient = (unit.Id, unit.Path, r.ResidentName.Trim());
                }
                break;
            case RecipientKind.Member:
                var member = r.MemberId is { } mid ? await members.FindAsync(mid, ct) : null;
                if (member is null) e.Fail(nameof(r.MemberId), "请选择获得荣誉的党员。");
                else recipient = (member.BranchId, member.BranchPath, member.Name);
                break;
            default:
                e.Fail(nameof(r.RecipientKind), "请选择获奖对象类别。");
                break;
        }
        if (e.Any) return Failure.Invalid(e);
        var (unitId, path, name) = recipient!.Value;
        if (!db.Scope.Can(ShowcasePermissions.Manage, path)) return Failure.Forbidden;

        if (honour is null)
        {
            honour = new Honour { CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Honours.Add(honour);
        }
        else
        {
            if (honour.Version != r.Version) return Failure.Stale;
            db.Entry(honour).Property(x => x.Version).OriginalValue = r.Version;
        }
        honour.Title = r.Title.Trim();
        honour.Level = r.Level;
        honour.AwardingBody = r.AwardingBody.Trim();
        honour.AwardedOn = r.AwardedOn!.Value;
        honour.RecipientKind = r.RecipientKind;
        honour.OrgUnitId = unitId;
        honour.OrgPath = path;
        honour.RecipientUnitId = r.RecipientKind == RecipientKind.Unit ? unitId : null;
        honour.MemberId = r.RecipientKind == RecipientKind.Member ? r.MemberId : null;
        honour.RecipientName = name;
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new HonourSaved(honour.Id, honour.Version);
    }
}
