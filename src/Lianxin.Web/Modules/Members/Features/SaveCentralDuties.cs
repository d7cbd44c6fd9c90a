using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public class CentralDutyForm
{
    public CentralDutyRole Role { get; set; }
    public string? Text { get; set; }
    /// <summary>The version read (0 while the community still shows the default).</summary>
    public int Version { get; set; }
}

/// <summary>Community staff write what one role owes central households; a stale version is a conflict.</summary>
public static class SaveCentralDuties
{
    public static async Task<Outcome<CentralDutyDto>> HandleAsync(LianxinDb db, OrgDirectory units, Guid communityId, CentralDutyForm f, CancellationToken ct)
    {
        var community = await units.FindAsync(communityId, ct);
        if (community is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, community.Path)) return Failure.Forbidden;
        var e = new Errors();
        if (!Enum.IsDefined(f.Role)) e.Fail(nameof(f.Role), "请选择岗位。");
        e.Required(nameof(f.Text), f.Text, "请填写职责。");
        e.Max(nameof(f.Text), f.Text, 1000, "职责");
        if (e.Any) return Failure.Invalid(e);
        var row = await db.CentralHouseholdDuties.FirstOrDefaultAsync(d => d.CommunityId == communityId && d.Role == f.Role, ct);
        if ((row?.Version ?? 0) != f.Version) return Failure.Stale;
        if (row is null) db.CentralHouseholdDuties.Add(row = new CentralHouseholdDuty { CommunityId = community.Id, OrgPath = community.Path, Role = f.Role, Version = 1 }); // 0 means "still the default"
        row.Text = f.Text!.Trim();
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new CentralDutyDto(row.Role, CentralHouseholdDuty.Chinese(row.Role), row.Text, false, row.Version);
    }
}
