using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>
/// A campaign's finding raised a demand: it is filed as staff would file it (source 专项行动检查, the finding's id kept), and routed like
/// any other. Campaigns checked the input with <see cref="Contracts.DemandDirectory.CheckRaisedAsync"/> when it was raised; a refusal
/// now (the category was switched off since) fails the delivery with the reason, for the next pass to retry.
/// </summary>
public class OnCampaignFindingRaisedDemand(LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock) : IEventHandler<CampaignFindingRaisedDemand>
{
    public async Task HandleAsync(CampaignFindingRaisedDemand e, CancellationToken ct)
    {
        var filed = await SubmitDemand.HandleAsync(db, org, places, pd, clock, new SubmitDemandRequest
        {
            CommunityId = e.CommunityId, CategoryId = e.CategoryId, Description = e.Description, CompoundId = e.CompoundId, Address = e.Address,
            ContactName = e.ContactName, ContactPhone = e.ContactPhone, Source = DemandSource.Campaign, SourceRecordId = e.FindingId,
        }, null, isPublic: false, ct);
        if (!filed.IsOk)
            throw new InvalidOperationException($"专项行动问题 {e.FindingId} 未能转为诉求：{filed.Message ?? string.Join("；", filed.Errors?.SelectMany(x => x.Value) ?? [])}");
    }
}
