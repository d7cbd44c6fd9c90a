using Lianxin.Web.Modules.Members.Domain;

namespace Lianxin.Web.Modules.Members.Contracts;

/// <summary>The citizen ID rules (GB 11643) for modules that take a person's number before they are a member (发展党员).</summary>
public static class CitizenIds
{
    /// <summary>Null when valid, otherwise why not, in Chinese.</summary>
    public static string? Problem(string? id) => CitizenId.Problem(id);

    /// <summary>Birth date and sex read from a valid number.</summary>
    public static (DateOnly BirthDate, bool Female) Facts(string id) =>
        (CitizenId.BirthDate(id.Trim().ToUpperInvariant())!.Value, CitizenId.GenderOf(id.Trim().ToUpperInvariant()) == Gender.Female);

    /// <summary>A valid number for fictional people (demo data and tests).</summary>
    public static string Make(string region6, DateOnly birth, int sequence3) => CitizenId.Make(region6, birth, sequence3);
}
