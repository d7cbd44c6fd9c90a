using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Platform.Shell;

/// <summary>A figure on the home page: a label (translated by the page), a value and a line under it.</summary>
public record HomeFigure(string Label, string Value, string Note);

/// <summary>A row of figures a module puts on the home page for the unit the user acts for.</summary>
public record HomeCard(string Title, string? Link, IReadOnlyList<HomeFigure> Figures);

/// <summary>
/// The seam between the home page and modules that know figures about a unit: a module registers a source
/// (<c>services.AddScoped&lt;IHomeCardSource, …&gt;()</c>); the page shows what the sources answer for the current grant.
/// </summary>
public interface IHomeCardSource
{
    Task<HomeCard?> ForAsync(RoleGrant current, CancellationToken ct);
}
