using Lianxin.Web.Platform.Events;

namespace Lianxin.Web.Modules.Campaigns.Contracts;

/// <summary>
/// A campaign's finding needs the demand process (e.g. a broken hydrant the water company must replace): Demands files it as staff
/// would, for <paramref name="CommunityId"/> under <paramref name="CategoryId"/> (checked against the street's categories when raised),
/// with <paramref name="FindingId"/> as its source record.
/// </summary>
public sealed record CampaignFindingRaisedDemand(Guid FindingId, Guid CommunityId, Guid CategoryId, string Description, Guid CompoundId, string Address,
    string ContactName, string ContactPhone) : IntegrationEvent;

/// <summary>
/// A finding is worth a practical matter for residents (我为群众办实事, e.g. a shared charging shed): Pledges adds a draft pledge of
/// <paramref name="UnitId"/> (the place's community) with the responsible person and deadline named here.
/// </summary>
public sealed record CampaignFindingPledged(Guid FindingId, Guid UnitId, string UnitPath, string Title, string Description,
    string ResponsiblePerson, DateOnly DueOn) : IntegrationEvent;
