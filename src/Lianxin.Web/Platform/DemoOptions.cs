namespace Lianxin.Web.Platform;

/// <summary>Bound from "Demo". On in Development (appsettings.Development.json) and in tests; Platform reads it for its development keys.</summary>
public class DemoOptions
{
    public bool Enabled { get; set; }
}
