using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

public record CategoryDto(Guid Id, Guid StreetId, string Name, DemandLevel DefaultLevel, double ResponseHours, int ResolveDays, ServiceMode ServiceMode,
    bool Active = true);

public class CategoryRequest
{
    public Guid StreetId { get; set; }
    public string Name { get; set; } = "";
    public DemandLevel DefaultLevel { get; set; } = DemandLevel.Community;
    public double ResponseHours { get; set; } = 8;
    public int ResolveDays { get; set; } = 5;
    public ServiceMode ServiceMode { get; set; }
    /// <summary>Updates only: a disabled category is no longer offered to residents; its demands keep it.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>Demand categories per street, with the defaults every street starts with.</summary>
public static class Categories
{
    /// <summary>Defaults: where each kind of demand is first handled and its limits (response hours, resolve working days).</summary>
    public static readonly (string Name, DemandLevel Level, double Hours, int Days, ServiceMode Mode)[] Defaults =
    [
        ("环境卫生", DemandLevel.Grid, 4, 2, ServiceMode.None),
        ("物业管理", DemandLevel.Community, 8, 5, ServiceMode.None),
        ("设施维修", DemandLevel.Community, 8, 5, ServiceMode.None),
        ("邻里纠纷", DemandLevel.Grid, 4, 3, ServiceMode.None),
        ("养老服务", DemandLevel.Community, 8, 5, ServiceMode.None),
        ("政策咨询", DemandLevel.Community, 4, 2, ServiceMode.None),
        ("代办服务", DemandLevel.Community, 8, 5, ServiceMode.OnBehalf),
        ("预约办理", DemandLevel.Community, 8, 5, ServiceMode.Appointment),
    ];

    public static IEnumerable<DemandCategory> DefaultsFor(OrgUnitRef street) => Defaults.Select((c, i) => new DemandCategory
    {
        StreetId = street.Id, OrgPath = street.Path, Name = c.Name, DefaultLevel = c.Level,
        ResponseHours = c.Hours, ResolveDays = c.Days, ServiceMode = c.Mode, SortOrder = i,
    });

    /// <summary>The street's categories; a street without any gets the defaults the first time they are asked for.</summary>
    public static async Task<List<DemandCategory>> ForStreetAsync(LianxinDb db, OrgDirectory org, Guid streetId, CancellationToken ct)
    {
        // Deliberately unfiltered: the public intake page lists the categories of a street for anonymous residents.
        var list = await db.DemandCategories.AcrossScope()
            .Where(c => c.StreetId == streetId && c.Active)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        // Seed only a street that never had categories: one whose categories are all disabled keeps them so.
        if (list.Count > 0 || await db.DemandCategories.AcrossScope().AnyAsync(c => c.StreetId == streetId, ct))
            return list;
        if (await org.FindInDistrictAsync(streetId, ct) is not { Kind: OrgKind.Street } street) return list;
        list = DefaultsFor(street).ToList();
        db.DemandCategories.AddRange(list);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another request seeded them at the same moment: read theirs.
            db.ChangeTracker.Clear();
            return await db.DemandCategories.AcrossScope()
                .Where(c => c.StreetId == streetId && c.Active).OrderBy(c => c.SortOrder).ToListAsync(ct);
        }
        return list;
    }

    public static CategoryDto ToDto(DemandCategory c) => new(c.Id, c.StreetId, c.Name, c.DefaultLevel, c.ResponseHours, c.ResolveDays, c.ServiceMode, c.Active);

    public static async Task<Outcome<List<CategoryDto>>> ListAsync(LianxinDb db, OrgDirectory org, Guid streetId, CancellationToken ct)
    {
        if (await org.FindAsync(streetId, ct) is not { Kind: OrgKind.Street }) return Failure.NotFound;
        return (await ForStreetAsync(db, org, streetId, ct)).Select(ToDto).ToList();
    }

    /// <summary>Every category of a street, disabled ones too, for the staff who manage them.</summary>
    public static async Task<Outcome<List<CategoryDto>>> AllForStreetAsync(LianxinDb db, OrgDirectory org, Guid streetId, CancellationToken ct)
    {
        if (await org.FindAsync(streetId, ct) is not { Kind: OrgKind.Street } street) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandView, street.Path)) return Failure.Forbidden;
        await ForStreetAsync(db, org, streetId, ct); // seeds a new street's defaults
        return await db.DemandCategories.AsNoTracking().Where(c => c.StreetId == streetId)
            .OrderByDescending(c => c.Active).ThenBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => ToDto(c)).ToListAsync(ct);
    }

    static Errors Validate(CategoryRequest r)
    {
        var e = new Errors();
        e.Required(nameof(r.Name), r.Name, "请填写类别名称。");
        e.Max(nameof(r.Name), r.Name?.Trim(), 40, "类别名称");
        // A category's first level is the grid (which means the compound's own branch where there is one).
        if (!Enum.IsDefined(r.DefaultLevel) || r.DefaultLevel == DemandLevel.Compound) e.Fail(nameof(r.DefaultLevel), "请选择默认办理层级。");
        if (!Enum.IsDefined(r.ServiceMode)) e.Fail(nameof(r.ServiceMode), "请选择服务方式。");
        if (double.IsNaN(r.ResponseHours) || r.ResponseHours is <= 0 or > 240) e.Fail(nameof(r.ResponseHours), "响应时限须在 1–240 个工作小时之间。");
        if (r.ResolveDays is <= 0 or > 60) e.Fail(nameof(r.ResolveDays), "办结时限须在 1–60 个工作日之间。");
        return e;
    }

    public static async Task<Outcome<CategoryDto>> CreateAsync(LianxinDb db, OrgDirectory org, CategoryRequest r, CancellationToken ct)
    {
        if (await org.FindAsync(r.StreetId, ct) is not { Kind: OrgKind.Street } street) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandDispatch, street.Path)) return Failure.Forbidden;
        var e = Validate(r);
        if (e.Any) return Failure.Invalid(e);
        var existing = await ForStreetAsync(db, org, street.Id, ct);
        // Disabled ones count too: the name is unique per street (and the index says so).
        var name = r.Name.Trim();
        if (await db.DemandCategories.AcrossScope().AnyAsync(c => c.StreetId == street.Id && c.Name == name, ct))
            return Failure.Invalid(nameof(r.Name), "该街道已有同名类别（如已停用，可将其重新启用）。");
        var sortOrder = await db.DemandCategories.AcrossScope().CountAsync(c => c.StreetId == street.Id, ct);
        var c = new DemandCategory
        {
            StreetId = street.Id, OrgPath = street.Path, Name = name, DefaultLevel = r.DefaultLevel, ResponseHours = r.ResponseHours,
            ResolveDays = r.ResolveDays, ServiceMode = r.ServiceMode, SortOrder = Math.Max(sortOrder, existing.Count),
        };
        db.DemandCategories.Add(c);
        await db.SaveChangesAsync(ct);
        return ToDto(c);
    }

    /// <summary>
    /// Changes a category's name, default level, limits, service mode and whether it is offered. Demands already filed keep
    /// their category name and due times; new ones and new levels use the new limits.
    /// </summary>
    public static async Task<Outcome<CategoryDto>> UpdateAsync(LianxinDb db, Guid id, CategoryRequest r, CancellationToken ct)
    {
        var c = await db.DemandCategories.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandDispatch, c.OrgPath)) return Failure.Forbidden;
        var e = Validate(r);
        if (e.Any) return Failure.Invalid(e);
        var name = r.Name.Trim();
        if (await db.DemandCategories.AcrossScope().AnyAsync(x => x.StreetId == c.StreetId && x.Name == name && x.Id != c.Id, ct))
            return Failure.Invalid(nameof(r.Name), "该街道已有同名类别（如已停用，可将其重新启用）。");
        c.Name = name;
        c.DefaultLevel = r.DefaultLevel;
        c.ResponseHours = r.ResponseHours;
        c.ResolveDays = r.ResolveDays;
        c.ServiceMode = r.ServiceMode;
        c.Active = r.Active;
        await db.SaveChangesAsync(ct);
        return ToDto(c);
    }

    /// <summary>Enables or disables a category (the page's one-click switch; disabling asks for confirmation there).</summary>
    public static async Task<Outcome<CategoryDto>> SetActiveAsync(LianxinDb db, Guid id, bool active, CancellationToken ct)
    {
        var c = await db.DemandCategories.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandDispatch, c.OrgPath)) return Failure.Forbidden;
        c.Active = active;
        await db.SaveChangesAsync(ct);
        return ToDto(c);
    }
}
