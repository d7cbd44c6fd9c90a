namespace Lianxin.Web.Modules.Organizations.Data;

/// <summary>
/// A district's org version: written only by the triggers of migration 0058 on every write to <c>org_units</c>, read by
/// <see cref="Features.TreeCache"/> to know whether a kept tree answer is still current (ADR 0061). No row yet is version 0.
/// </summary>
public class OrgTreeVersion
{
    public Guid TenantId { get; set; }
    public long Version { get; set; }
}
