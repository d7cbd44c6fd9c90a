namespace Lianxin.Web.Platform.Identity.Users.Pages;

public record GrantFields(IReadOnlyList<Role> Roles, List<UnitOption> Units, string? Role, Guid? OrgUnitId)
{
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
}
