using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Organizations.Features;

public class AddPositionRequest
{
    public string Title { get; set; } = "书记";
    public string PersonName { get; set; } = "";
    public string? Phone { get; set; }
    public DateOnly? StartedOn { get; set; }
}

public record PositionAdded(Guid Id);

/// <summary>A responsible person (书记, 副书记, 委员…) takes up a position in an active unit.</summary>
public static class AddPosition
{
    public static async Task<Outcome<PositionAdded>> HandleAsync(LianxinDb db, PersonalData pd, TimeProvider clock, Guid unitId, AddPositionRequest r, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        e.Required("Title", r.Title, "请填写职务。");
        e.Max("Title", r.Title, 40, "职务");
        e.Required("PersonName", r.PersonName, "请填写姓名。");
        e.Max("PersonName", r.PersonName, 60, "姓名");
        if (!string.IsNullOrWhiteSpace(r.Phone) && !System.Text.RegularExpressions.Regex.IsMatch(r.Phone.Trim(), @"^[0-9\-+ ]{5,20}$"))
            e.Fail("Phone", "联系电话只能包含数字、空格、加号和短横线，5 到 20 位。");
        if (r.StartedOn > clock.Today()) e.Fail("StartedOn", "任职日期不能晚于今天。");
        if (e.Any) return Failure.Invalid(e);
        if (!unit.IsActive) return Failure.Conflict("已撤销的组织不能再任命负责人。");

        var order = await db.OrgPositions.Where(p => p.OrgUnitId == unit.Id).Select(p => (int?)p.SortOrder).MaxAsync(ct) ?? -1;
        var position = new OrgPosition
        {
            OrgUnitId = unit.Id, OrgPath = unit.Path, Title = r.Title.Trim(), PersonName = r.PersonName.Trim(),
            PhoneCipher = pd.Seal(CreateUnit.Blank(r.Phone)).Cipher, StartedOn = r.StartedOn ?? clock.Today(), SortOrder = order + 1,
        };
        db.OrgPositions.Add(position);
        await db.SaveChangesAsync(ct);
        return new PositionAdded(position.Id);
    }
}
