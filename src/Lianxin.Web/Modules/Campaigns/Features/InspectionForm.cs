using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

/// <summary>What the phone shows before an inspection: the checklist and the places in scope the caller may inspect (least inspected first).</summary>
public record InspectionFormDto(Guid CampaignId, string Title, string KindName, DateOnly StartsOn, DateOnly EndsOn, CampaignState State, string? Refusal,
    IReadOnlyList<ItemDto> Items, IReadOnlyList<PlaceDto> Places);

public static class InspectionForm
{
    public static async Task<Outcome<InspectionFormDto>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || (c.State == CampaignState.Draft && !db.Scope.Can(CampaignPermissions.Manage, c.OrgPath))) return Failure.NotFound;
        var today = clock.Today();
        var places = (await db.CampaignPlaces.AsNoTracking().Where(p => p.CampaignId == id).ToListAsync(ct))
            .Where(p => db.Scope.Can(CampaignPermissions.Inspect, p.OrgPath)).ToList();
        if (places.Count == 0) return Failure.Forbidden with { Message = "您负责的小区和楼栋不在本次专项行动范围内，或您没有检查权限。" };
        var visits = await db.CampaignInspections.AsNoTracking().Where(i => i.CampaignId == id).GroupBy(i => i.PlaceId)
            .Select(g => new { g.Key, N = g.Count(), Last = g.Max(i => i.InspectedOn) }).ToDictionaryAsync(x => x.Key, ct);
        var items = await db.ChecklistItems.AsNoTracking().Where(i => i.CampaignId == id).OrderBy(i => i.SortOrder).Select(i => new ItemDto(i.Id, i.SortOrder, i.Text)).ToListAsync(ct);
        string? refusal = c.State switch
        {
            CampaignState.Draft => "专项行动尚未启动，不能登记检查。",
            CampaignState.Closed => "专项行动已结束，不能再登记检查。",
            _ when today < c.StartsOn || today > c.EndsOn => $"今天不在专项行动期间（{c.StartsOn:yyyy年M月d日}至{c.EndsOn:yyyy年M月d日}），不能登记检查。",
            _ => null,
        };
        return new InspectionFormDto(c.Id, c.Title, c.Kind.Chinese(), c.StartsOn, c.EndsOn, c.State, refusal, items,
            places.OrderBy(p => visits.GetValueOrDefault(p.Id)?.N ?? 0).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new PlaceDto(p.Id, p.CompoundId, p.BuildingId, p.Name, "", visits.GetValueOrDefault(p.Id)?.N ?? 0, visits.GetValueOrDefault(p.Id)?.Last)).ToList());
    }
}
