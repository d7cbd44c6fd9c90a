using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public class MerchantApplication
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Phone { get; set; } = "";
}

public record MerchantRow(Guid Id, string Name, string Address, string ContactName, string Phone, MerchantState State, DateTime AppliedAt, int Version);

/// <summary>A 商家 account applies to join its community's bank; the community decides (<see cref="DecideMerchant"/>).</summary>
public static class ApplyAsMerchant
{
    public static async Task<Outcome<MerchantRow>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, MerchantApplication r, CancellationToken ct)
    {
        var grant = db.Scope.Grants.FirstOrDefault(g => g.Role.Allows(PointsBankPermissions.Trade));
        if (grant is null) return Failure.Forbidden;
        var community = await Ledger.CommunityAsync(org, grant.OrgPath, ct);
        if (community is null) return Failure.Conflict("商家账号须设在社区。");
        var e = new Errors();
        e.Required(nameof(r.Name), r.Name, "请填写店名。");
        e.Max(nameof(r.Name), r.Name, 100, "店名");
        e.Required(nameof(r.Address), r.Address, "请填写地址。");
        e.Max(nameof(r.Address), r.Address, 200, "地址");
        e.Required(nameof(r.ContactName), r.ContactName, "请填写联系人。");
        e.Max(nameof(r.ContactName), r.ContactName, 60, "联系人");
        if (!System.Text.RegularExpressions.Regex.IsMatch((r.Phone ?? "").Trim(), @"^[0-9\-]{7,20}$")) e.Fail(nameof(r.Phone), "联系电话只能包含数字和“-”，7–20 位。");
        if (e.Any) return Failure.Invalid(e);
        var me = db.Scope.UserId!.Value;
        if (await db.PbMerchants.AcrossScope().AnyAsync(m => m.OwnerUserId == me && m.State != MerchantState.Rejected, ct))
            return Failure.Conflict("您已提交过申请或已是X贤商家。");

        var m = new Merchant
        {
            CommunityId = community.Id, OrgPath = community.Path, Name = r.Name.Trim(), Address = r.Address.Trim(), ContactName = r.ContactName.Trim(),
            Phone = r.Phone!.Trim(), OwnerUserId = me, State = MerchantState.Applied, AppliedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PbMerchants.Add(m);
        await db.SaveChangesAsync(ct);
        return Row(m);
    }

    internal static MerchantRow Row(Merchant m) => new(m.Id, m.Name, m.Address, m.ContactName, m.Phone, m.State, m.AppliedAt, m.Version);
}
