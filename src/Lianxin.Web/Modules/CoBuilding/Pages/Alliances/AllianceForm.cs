using Lianxin.Web.Modules.CoBuilding.Features;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Alliances;

/// <summary>What the alliance form shows: the input, the street or community it belongs to, who may lead it (and which one does).</summary>
public record AllianceFormView(AllianceInput Input, string HomeName, IReadOnlyList<AllianceCandidate> Leads, string? Lead, int? Version);
