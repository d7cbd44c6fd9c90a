using Lianxin.Web.Modules.CoBuilding.Features;

namespace Lianxin.Web.Modules.CoBuilding.Pages;

/// <summary>What the partner-unit form shows: the input, where it may be stationed, whether the caller is staff (a liaison sees neither station nor liaison).</summary>
public record UnitFormView(PartnerUnitInput Input, IReadOnlyList<(Guid Id, string Name)> Stations, bool Staff, int? Version);
