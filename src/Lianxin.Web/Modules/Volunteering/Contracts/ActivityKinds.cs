using Lianxin.Web.Modules.Volunteering.Domain;

namespace Lianxin.Web.Modules.Volunteering.Contracts;

/// <summary>An activity kind as other modules see it: the code <see cref="VolunteerHoursConfirmed.ActivityKind"/> carries, and its Chinese name.</summary>
public record ActivityKindRef(string Code, string Name);

public static class ActivityKinds
{
    public static IReadOnlyList<ActivityKindRef> All { get; } = Enum.GetValues<ActivityKind>().Select(k => new ActivityKindRef(k.ToString(), k.Chinese())).ToList();

    public static string NameOf(string code) => All.FirstOrDefault(k => k.Code == code)?.Name ?? code;
}
