using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record CentralDutyDto(CentralDutyRole Role, string RoleName, string Text, bool IsDefault, int Version);

/// <summary>The duties of the grid secretary and the group leader towards central households in a community (defaults until written).</summary>
public static class CentralDuties
{
    public static async Task<List<CentralDutyDto>> OfCommunityAsync(LianxinDb db, Guid communityId, CancellationToken ct)
    {
        var rows = await db.CentralHouseholdDuties.AcrossScope().AsNoTracking().Where(d => d.CommunityId == communityId).ToDictionaryAsync(d => d.Role, ct);
        return Enum.GetValues<CentralDutyRole>().Select(r => rows.TryGetValue(r, out var d)
            ? new CentralDutyDto(r, CentralHouseholdDuty.Chinese(r), d.Text, false, d.Version)
            : new CentralDutyDto(r, CentralHouseholdDuty.Chinese(r), CentralHouseholdDuty.Default(r), true, 0)).ToList();
    }
}
