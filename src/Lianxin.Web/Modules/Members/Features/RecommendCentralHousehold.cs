using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>A recommendation: the household chosen from the compound's list or its room typed, and the recommender's name.</summary>
public class RecommendationForm
{
    public Guid? CentralHouseholdId { get; set; }
    /// <summary>Staff entry of a typed room: the compound it is in (a chosen household brings its own).</summary>
    public Guid? CompoundId { get; set; }
    public Guid? HouseholdId { get; set; }
    public string? Room { get; set; }
    public string? Name { get; set; }
}

/// <summary>What the resident is told: names masked, nothing else about the nominee.</summary>
public record RecommendationReceipt(Guid Id, string Nominee, string Recommender, string Home);

/// <summary>
/// 群众推荐 of a nominee for 党员中心户: by a resident on the compound's public page (anonymous, rate-limited by the page) or
/// entered by staff with the recommender's name and household. One per household per nominee; the nominee's recommender count
/// is the number of these records.
/// </summary>
public static class RecommendCentralHousehold
{
    public static async Task<Outcome<RecommendationReceipt>> PublicAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid compoundId, RecommendationForm f, CancellationToken ct)
    {
        var compound = (await places.CompoundsAsync([compoundId], ct)).FirstOrDefault();
        if (compound is null) return Failure.NotFound;
        f.CompoundId = compound.Id;
        return await RecordAsync(db, places, clock, compound, f, RecommendationSource.Public, ct);
    }

    public static async Task<Outcome<RecommendationReceipt>> StaffAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid centralHouseholdId, RecommendationForm f, CancellationToken ct)
    {
        var ch = await db.CentralHouseholds.AsNoTracking().FirstOrDefaultAsync(c => c.Id == centralHouseholdId, ct);
        if (ch is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, ch.OrgPath)) return Failure.Forbidden;
        f.CentralHouseholdId = ch.Id;
        var compoundId = f.HouseholdId is { } h ? (await places.HouseholdsAsync([h], ct)).FirstOrDefault()?.CompoundId : f.CompoundId;
        var compound = compoundId is { } c ? (await places.CompoundsAsync([c], ct)).FirstOrDefault() : null;
        if (compound is null)
            return Failure.Invalid(f.HouseholdId is null ? nameof(f.CompoundId) : nameof(f.HouseholdId), f.HouseholdId is null ? "请选择推荐人所在小区。" : "所选住户不存在。");
        return await RecordAsync(db, places, clock, compound, f, RecommendationSource.Staff, ct);
    }

    static async Task<Outcome<RecommendationReceipt>> RecordAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, CompoundRef compound, RecommendationForm f,
        RecommendationSource source, CancellationToken ct)
    {
        var e = new Errors();
        e.Required(nameof(f.Name), f.Name, "请填写推荐人姓名。");
        e.Max(nameof(f.Name), f.Name, 30, "推荐人姓名");
        if (f.HouseholdId is null && string.IsNullOrWhiteSpace(f.Room)) e.Fail(nameof(f.Room), "请选择您家的住户，或填写楼栋、单元和房号。");
        e.Max(nameof(f.Room), f.Room, 30, "房号");
        var ch = f.CentralHouseholdId is { } id ? await db.CentralHouseholds.AcrossScope().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        // Residents recommend the nominees of their own grid, while the nomination is open or the household serves.
        if (ch is null || ch.GridId != compound.GridId || ch.Status is not (CentralHouseholdStatus.Nominated or CentralHouseholdStatus.Approved))
            e.Fail(nameof(f.CentralHouseholdId), "请选择本小区所在网格的党员中心户人选。");
        string home = f.Room?.Trim() ?? "";
        if (f.HouseholdId is { } hid)
        {
            var household = (await places.HouseholdsAsync([hid], ct)).FirstOrDefault();
            if (household is null || household.CompoundId != compound.Id) e.Fail(nameof(f.HouseholdId), "所选住户不在本小区。");
            else home = $"{(await places.BuildingsAsync([household.BuildingId], ct))[0].Name} {household.Unit} {household.Room}".Replace("  ", " ").Trim();
        }
        if (e.Any) return Failure.Invalid(e);
        var key = CentralHouseholdRecommendation.KeyOf(f.HouseholdId, compound.Id, f.Room);
        if (await db.CentralHouseholdRecommendations.AcrossScope().AnyAsync(r => r.CentralHouseholdId == ch!.Id && r.HouseholdKey == key, ct))
            return Failure.Conflict("这一户已经推荐过这位党员，每户对同一人选只能推荐一次。");
        var row = new CentralHouseholdRecommendation
        {
            CentralHouseholdId = ch!.Id, CompoundId = compound.Id, HouseholdId = f.HouseholdId, HouseholdKey = key, Home = home,
            RecommenderName = f.Name!.Trim(), Source = source, RecordedAt = clock.GetUtcNow().UtcDateTime, OrgPath = ch.OrgPath,
        };
        db.CentralHouseholdRecommendations.Add(row);
        await db.SaveChangesAsync(ct);
        return new RecommendationReceipt(row.Id, Mask.Other(ch.MemberName), Mask.Other(row.RecommenderName), home);
    }
}
