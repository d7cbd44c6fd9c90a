using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

public record StreetSettingsDto(Guid StreetId, int ExtraResolveDaysPerLevel, int SatisfiedWeight, int BasicallySatisfiedWeight, int MaxReopens, int Version);

public class StreetSettingsRequest
{
    public int ExtraResolveDaysPerLevel { get; set; } = DemandStreetSettings.DefaultExtraResolveDaysPerLevel;
    public int SatisfiedWeight { get; set; } = DemandStreetSettings.DefaultSatisfiedWeight;
    public int BasicallySatisfiedWeight { get; set; } = DemandStreetSettings.DefaultBasicallySatisfiedWeight;
    public int MaxReopens { get; set; } = DemandStreetSettings.DefaultMaxReopens;
    /// <summary>The version the editor read (0 for a street still on the defaults); a save against an older one is refused.</summary>
    public int Version { get; set; }
}

/// <summary>A street's demand rules (extra days per level, satisfaction points, reopens): read by all who see the street, set by its dispatchers.</summary>
public static class StreetSettings
{
    /// <summary>The street's settings, or the defaults if it never changed them (read across the scope: a resident's filing and the escalation job need them).</summary>
    public static async Task<DemandStreetSettings> ForStreetAsync(LianxinDb db, Guid streetId, CancellationToken ct) =>
        await db.DemandStreetSettings.AcrossScope().AsNoTracking().FirstOrDefaultAsync(s => s.StreetId == streetId, ct)
            ?? new DemandStreetSettings { StreetId = streetId };

    public static async Task<Outcome<StreetSettingsDto>> GetAsync(LianxinDb db, OrgDirectory org, Guid streetId, CancellationToken ct)
    {
        var street = await org.FindAsync(streetId, ct);
        if (street is not { Kind: OrgKind.Street }) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandView, street.Path)) return Failure.Forbidden;
        return ToDto(await ForStreetAsync(db, streetId, ct));
    }

    public static Errors Validate(StreetSettingsRequest r)
    {
        var e = new Errors();
        if (r.ExtraResolveDaysPerLevel is < 0 or > 10) e.Fail(nameof(r.ExtraResolveDaysPerLevel), "每上升一级增加的办结时限须在 0 到 10 个工作日之间。");
        if (r.SatisfiedWeight is < 1 or > 100) e.Fail(nameof(r.SatisfiedWeight), "“满意”的分值须在 1 到 100 之间。");
        if (r.BasicallySatisfiedWeight < 0 || r.BasicallySatisfiedWeight > r.SatisfiedWeight)
            e.Fail(nameof(r.BasicallySatisfiedWeight), "“基本满意”的分值须在 0 到“满意”的分值之间。");
        if (r.MaxReopens is < 0 or > 5) e.Fail(nameof(r.MaxReopens), "不满意重新办理的次数须在 0 到 5 次之间。");
        return e;
    }

    /// <summary>Sets the street's rules; demands already filed keep their due times, new levels and ratings follow the new ones.</summary>
    public static async Task<Outcome<StreetSettingsDto>> SaveAsync(LianxinDb db, OrgDirectory org, Guid streetId, StreetSettingsRequest r, CancellationToken ct)
    {
        var street = await org.FindAsync(streetId, ct);
        if (street is not { Kind: OrgKind.Street }) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandDispatch, street.Path)) return Failure.Forbidden;
        var e = Validate(r);
        if (e.Any) return Failure.Invalid(e);
        var s = await db.DemandStreetSettings.FirstOrDefaultAsync(x => x.StreetId == streetId, ct);
        if ((s?.Version ?? 0) != r.Version) return Failure.Stale;
        if (s is null) db.DemandStreetSettings.Add(s = new DemandStreetSettings { StreetId = streetId, OrgPath = street.Path });
        s.ExtraResolveDaysPerLevel = r.ExtraResolveDaysPerLevel;
        s.SatisfiedWeight = r.SatisfiedWeight;
        s.BasicallySatisfiedWeight = r.BasicallySatisfiedWeight;
        s.MaxReopens = r.MaxReopens;
        // Two first saves race on the unique street index; an edit on the version token. Either way the later one is stale.
        try
        {
            if (await db.SaveAsync(ct) is { } stale) return stale;
        }
        catch (DbUpdateException)
        {
            return Failure.Stale;
        }
        return ToDto(s);
    }

    static StreetSettingsDto ToDto(DemandStreetSettings s) =>
        new(s.StreetId, s.ExtraResolveDaysPerLevel, s.SatisfiedWeight, s.BasicallySatisfiedWeight, s.MaxReopens, s.Version);
}
