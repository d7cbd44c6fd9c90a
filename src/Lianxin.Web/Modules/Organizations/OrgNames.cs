using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations;

/// <summary>The contract other modules and the shell use to name an org unit; names are read once per request.</summary>
public class OrgNames(LianxinDb db)
{
    Dictionary<Guid, string>? names;

    public string Of(Guid orgUnitId)
    {
        names ??= LoadGrantUnits();
        if (names.TryGetValue(orgUnitId, out var name)) return name;
        name = db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == orgUnitId && u.TenantId == db.CurrentTenantId)
            .Select(u => u.ShortName != "" ? u.ShortName : u.Name).FirstOrDefault() ?? "—";
        names[orgUnitId] = name;
        return name;
    }

    // The header names every unit the user holds a role at; one query for all of them.
    Dictionary<Guid, string> LoadGrantUnits()
    {
        var ids = db.Scope.Grants.Select(g => g.OrgUnitId).Distinct().ToList();
        return db.OrgUnits.IgnoreQueryFilters().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.ShortName != "" ? u.ShortName : u.Name })
            .ToDictionary(u => u.Id, u => u.Name);
    }
}
