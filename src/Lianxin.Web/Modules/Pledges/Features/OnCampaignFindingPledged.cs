using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>A special campaign found something worth doing for residents (a shared charging shed): a draft pledge of the place's community.</summary>
public class OnCampaignFindingPledged(LianxinDb db, OrgDirectory org, TimeProvider clock) : IEventHandler<CampaignFindingPledged>
{
    public Task HandleAsync(CampaignFindingPledged e, CancellationToken ct) =>
        DraftPledge.AddAsync(db, org, clock, e.UnitId, e.UnitPath, e.Title, e.Description, e.ResponsiblePerson, e.DueOn, ct);
}
