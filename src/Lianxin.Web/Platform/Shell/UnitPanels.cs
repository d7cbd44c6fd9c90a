namespace Lianxin.Web.Platform.Shell;

/// <summary>
/// A section a module adds to an org unit's page, rendered by the module's view component (invoked with <c>unit</c>, the
/// <see cref="Units.UnitInfo"/> the page has read within the caller's scope, so the panel need not read it again), so
/// Organizations shows it without knowing the module. Registered as a singleton; the component renders nothing for a
/// caller who may not see it.
/// </summary>
public sealed record UnitPanel(string ViewComponent, int Order);
