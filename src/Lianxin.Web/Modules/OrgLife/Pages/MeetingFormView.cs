using Lianxin.Web.Modules.OrgLife.Features;

namespace Lianxin.Web.Modules.OrgLife.Pages;

/// <summary>What the meeting form shows: the input, the branches the caller records for (one, fixed, when editing), the 主题党日 fixed items.</summary>
public record MeetingFormView(MeetingInput Input, IReadOnlyList<(Guid Id, string Name)> Branches, IReadOnlyList<string> FixedItems, int? Version);
