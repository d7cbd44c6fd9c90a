using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>A rated building with its current 星级楼组 level (0 after 摘牌 or a score below every threshold).</summary>
public record BuildingStarRow(Guid BuildingId, string Name, int Level, DateTime At);

public record BuildingStarStatus(Guid BuildingId, string Name, int Level, List<StarRow> History);

/// <summary>
/// 星级楼组: the stars buildings earn in building rounds, kept per building with their history. Rows are scoped by the unit the
/// building's compound belongs to, so a community sees its buildings' stars and a branch those of its compounds.
/// </summary>
public static class BuildingStars
{
    /// <summary>How a building is called on sheets and lists: its compound, then its own name (和平花园 3号楼).</summary>
    public static string NameOf(string? compound, string building) => string.IsNullOrEmpty(compound) ? building : $"{compound} {building}";

    /// <summary>Buildings rated in the caller's scope, highest level first.</summary>
    public static async Task<List<BuildingStarRow>> ListAsync(LianxinDb db, PlaceDirectory places, CancellationToken ct)
    {
        var awards = await db.StarAwards.AsNoTracking().Where(a => a.Target == ReviewTarget.Buildings && a.Programme == RubricPurpose.StarBuilding)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.UnitId, a.Level, a.At, a.OrgPath }).ToListAsync(ct);
        var current = awards.GroupBy(a => a.UnitId).Select(g => g.First())
            .Where(a => db.Scope.Can(ReviewPermissions.ReviewView, a.OrgPath)).ToList();
        var names = await NamesAsync(places, current.Select(a => a.UnitId), ct);
        return current.Where(a => names.ContainsKey(a.UnitId)).Select(a => new BuildingStarRow(a.UnitId, names[a.UnitId], a.Level, a.At))
            .OrderByDescending(r => r.Level).ThenBy(r => r.Name, NaturalOrder.Instance).ToList();
    }

    public static async Task<Outcome<BuildingStarStatus>> GetAsync(LianxinDb db, PlaceDirectory places, Guid buildingId, CancellationToken ct)
    {
        var building = await places.FindBuildingAsync(buildingId, ct);
        if (building is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewView, building.OrgPath)) return Failure.Forbidden;
        var history = await db.StarAwards.Where(a => a.UnitId == buildingId && a.Target == ReviewTarget.Buildings)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new StarRow(a.Level, a.PreviousLevel, a.Change, a.Score, a.Reason, a.By, a.At, a.RoundId) { Programme = a.Programme, AwardingBody = a.AwardingBody })
            .ToListAsync(ct);
        var name = (await NamesAsync(places, [buildingId], ct))[buildingId];
        return new BuildingStarStatus(buildingId, name, history.FirstOrDefault(h => h.Programme == RubricPurpose.StarBuilding)?.Level ?? 0, history);
    }

    static async Task<Dictionary<Guid, string>> NamesAsync(PlaceDirectory places, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var buildings = await places.BuildingsAsync(ids, ct);
        var compounds = (await places.CompoundsAsync(buildings.Select(b => b.CompoundId), ct)).ToDictionary(c => c.Id, c => c.Name);
        return buildings.ToDictionary(b => b.Id, b => NameOf(compounds.GetValueOrDefault(b.CompoundId), b.Name));
    }
}

/// <summary>"2号楼" before "10号楼": runs of digits compare by value.</summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        x ??= ""; y ??= "";
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (si, sj) = (i, j);
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var c = long.Parse(x.AsSpan(si, Math.Min(i - si, 18))).CompareTo(long.Parse(y.AsSpan(sj, Math.Min(j - sj, 18))));
                if (c != 0) return c;
            }
            else
            {
                var c = x[i].CompareTo(y[j]);
                if (c != 0) return c;
                i++; j++;
            }
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
