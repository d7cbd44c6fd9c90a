using Lianxin.Web.Platform.Events;

namespace Lianxin.Web.Modules.Demands.Contracts;

/// <summary>A demand was resolved (办结) at <paramref name="OrgPath"/>; other modules may react (a pledge that grew out of it records the fact).</summary>
public sealed record DemandResolved(Guid DemandId, string TicketNo, string CategoryName, string OrgPath, DateTime ResolvedAt) : IntegrationEvent;
