using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public class CampaignInput
{
    public Guid StreetId { get; set; }
    public string Title { get; set; } = "";
    public CampaignKind Kind { get; set; } = CampaignKind.FireSafety;
    public string? Description { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int RectifyDays { get; set; } = 7;
    /// <summary>The checklist, one item per entry (blank entries are dropped).</summary>
    public List<string> Items { get; set; } = [];
    /// <summary>Whole compounds in scope.</summary>
    public List<Guid> CompoundIds { get; set; } = [];
    /// <summary>Single buildings in scope (a building of a compound already picked whole is covered by it).</summary>
    public List<Guid> BuildingIds { get; set; } = [];
    /// <summary>The version read, when editing a draft.</summary>
    public int Version { get; set; }
}

public record CampaignSaved(Guid Id, int Version);

/// <summary>A street sets up a campaign, or edits it while it is a draft: title, kind, period, checklist and the places in scope.</summary>
public static class SaveCampaign
{
    public static async Task<Outcome<CampaignSaved>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, Guid? id, CampaignInput r,
        CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CampaignPermissions.Manage)) return Failure.Forbidden;
        Campaign? c = null;
        if (id is { } existing)
        {
            c = await db.Campaigns.FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (c is null) return Failure.NotFound;
            if (!db.Scope.Can(CampaignPermissions.Manage, c.OrgPath)) return Failure.Forbidden;
            if (c.State != CampaignState.Draft) return Failure.Conflict($"专项行动已{c.State.Chinese()}，不能再修改检查清单和范围。");
            if (c.Version != r.Version) return Failure.Stale;
        }

        var e = new Errors();
        var street = await org.FindAsync(c?.StreetId ?? r.StreetId, ct);
        if (street is not { Kind: OrgKind.Street, IsActive: true }) e.Fail(nameof(r.StreetId), "请选择部署专项行动的街道。");
        else if (!db.Scope.Can(CampaignPermissions.Manage, street.Path)) return Failure.Forbidden;
        e.Required(nameof(r.Title), r.Title, "请填写专项行动名称。");
        e.Max(nameof(r.Title), r.Title, 100, "名称");
        e.Max(nameof(r.Description), r.Description, 2000, "工作要求");
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择专项行动类别。");
        if (r.StartsOn is null) e.Fail(nameof(r.StartsOn), "请填写开始日期。");
        if (r.EndsOn is null) e.Fail(nameof(r.EndsOn), "请填写结束日期。");
        else if (r.StartsOn is { } s && (r.EndsOn < s || r.EndsOn > s.AddYears(1)))
            e.Fail(nameof(r.EndsOn), "结束日期须在开始日期之后，且行动期限不超过一年。");
        if (r.RectifyDays is < 1 or > 90) e.Fail(nameof(r.RectifyDays), "整改期限须在 1 至 90 天之间。");
        var items = (r.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        if (items.Count == 0) e.Fail(nameof(r.Items), "请至少填写一项检查内容。");
        else if (items.Count > 30) e.Fail(nameof(r.Items), "检查清单最多 30 项。");
        if (items.FirstOrDefault(i => i.Length > 200) is { } tooLong) e.Fail(nameof(r.Items), $"检查项“{tooLong[..20]}…”超过 200 个字符。");
        if (items.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } twice) e.Fail(nameof(r.Items), $"检查项“{twice.Key}”重复。");
        var scope = street is null ? [] : await PlacesAsync(places, street, r, e, ct);
        if (e.Any) return Failure.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        if (c is null)
        {
            c = new Campaign { StreetId = street!.Id, OrgPath = street.Path, State = CampaignState.Draft, CreatedBy = db.Scope.UserName, CreatedAt = now };
            db.Campaigns.Add(c);
        }
        else
        {
            db.Entry(c).Property(x => x.Version).OriginalValue = r.Version;
            db.ChecklistItems.RemoveRange(await db.ChecklistItems.Where(i => i.CampaignId == c.Id).ToListAsync(ct));
            // The street edits its own draft: every place it listed, whatever unit the caller holds.
            db.CampaignPlaces.RemoveRange(await db.CampaignPlaces.AcrossScope().Where(p => p.CampaignId == c.Id).ToListAsync(ct));
        }
        (c.Title, c.Kind, c.Description, c.StartsOn, c.EndsOn, c.RectifyDays) =
            (r.Title.Trim(), r.Kind, string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(), r.StartsOn!.Value, r.EndsOn!.Value, r.RectifyDays);
        for (var i = 0; i < items.Count; i++) db.ChecklistItems.Add(new ChecklistItem { CampaignId = c.Id, SortOrder = i + 1, Text = items[i] });
        foreach (var p in scope) { p.CampaignId = c.Id; db.CampaignPlaces.Add(p); }
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new CampaignSaved(c.Id, c.Version);
    }

    /// <summary>The compounds and buildings picked, each of the street; a building of a compound picked whole is left out (the compound covers it).</summary>
    static async Task<List<CampaignPlace>> PlacesAsync(PlaceDirectory places, OrgUnitRef street, CampaignInput r, Errors e, CancellationToken ct)
    {
        var compoundIds = (r.CompoundIds ?? []).Distinct().ToList();
        var compounds = await places.CompoundsAsync(compoundIds, ct);
        var buildings = await places.BuildingsAsync(r.BuildingIds ?? [], ct);
        var parents = (await places.CompoundsAsync(buildings.Select(b => b.CompoundId), ct)).ToDictionary(x => x.Id);
        if (compounds.Count != compoundIds.Count || compounds.Any(x => !x.OrgPath.StartsWith(street.Path, StringComparison.Ordinal))
            || buildings.Count != (r.BuildingIds ?? []).Distinct().Count() || buildings.Any(b => !b.OrgPath.StartsWith(street.Path, StringComparison.Ordinal)))
            e.Fail(nameof(r.CompoundIds), "所选小区或楼栋不在该街道。");
        var result = compounds.OrderBy(x => x.Name)
            .Select(x => new CampaignPlace { CommunityId = x.CommunityId, CompoundId = x.Id, OrgPath = x.OrgPath, Name = x.Name }).ToList();
        result.AddRange(buildings.Where(b => !compoundIds.Contains(b.CompoundId)).OrderBy(b => parents[b.CompoundId].Name).ThenBy(b => b.Name)
            .Select(b => new CampaignPlace { CommunityId = parents[b.CompoundId].CommunityId, CompoundId = b.CompoundId, BuildingId = b.Id, OrgPath = b.OrgPath,
                Name = $"{parents[b.CompoundId].Name} {b.Name}" }));
        if (result.Count == 0 && !e.ContainsKey(nameof(r.CompoundIds))) e.Fail(nameof(r.CompoundIds), "请至少选择一个小区或楼栋。");
        return result;
    }
}
