namespace Lianxin.Web.Platform.Shell;

/// <summary>
/// A section a module adds to an org unit's page, rendered by the module's view component (invoked with <c>unitId</c>), so
/// Organizations shows it without knowing the module. Registered as a singleton; the component renders nothing for a
/// caller who may not see it.
/// </summary>
public sealed record UnitPanel(string ViewComponent, int Order);
