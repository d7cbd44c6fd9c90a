using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

public class PropertyRequest
{
    public PropertyKind Kind { get; set; } = PropertyKind.Company;
    public string? Provider { get; set; }
    public string? LeadBranch { get; set; }
    public string? ServiceBody { get; set; }
    public string? Parties { get; set; }
    public DateOnly? Since { get; set; }
    public string? Note { get; set; }
    /// <summary>The version last seen (0 when the compound had none).</summary>
    public int Version { get; set; }
}

public record PropertySaved(Guid Id, int Version);

/// <summary>How a compound is kept: a company, 百姓物业, or 红色准物业 "1+1+N" (which names its branch, its service body and its parties).</summary>
public static class SavePropertyArrangement
{
    public static async Task<Outcome<PropertySaved>> HandleAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid compoundId, PropertyRequest r, CancellationToken ct)
    {
        var compound = await CompoundAccess.SeenAsync(db, places, compoundId, ct);
        if (compound is null) return Failure.NotFound;
        if (!db.Scope.Can(DeliberationPermissions.Manage, compound.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择物业服务方式。");
        if (r.Kind is PropertyKind.Company or PropertyKind.Residents) e.Required(nameof(r.Provider), r.Provider, r.Kind == PropertyKind.Company ? "请填写物业企业名称。" : "请填写百姓物业服务队名称。");
        if (r.Kind == PropertyKind.RedQuasi)
        {
            e.Required(nameof(r.LeadBranch), r.LeadBranch, "红色准物业请填写牵头党组织（第一个“1”）。");
            e.Required(nameof(r.ServiceBody), r.ServiceBody, "红色准物业请填写服务主体（第二个“1”）。");
            e.Required(nameof(r.Parties), r.Parties, "红色准物业请填写参与各方（“N”）。");
        }
        e.Max(nameof(r.Provider), r.Provider, 100, "服务单位");
        e.Max(nameof(r.LeadBranch), r.LeadBranch, 100, "牵头党组织");
        e.Max(nameof(r.ServiceBody), r.ServiceBody, 100, "服务主体");
        e.Max(nameof(r.Parties), r.Parties, 1000, "参与各方");
        e.Max(nameof(r.Note), r.Note, 1000, "备注");
        if (r.Since is null) e.Fail(nameof(r.Since), "请填写起始日期。");
        if (e.Any) return Failure.Invalid(e);

        var p = await db.PropertyArrangements.FirstOrDefaultAsync(x => x.CompoundId == compoundId, ct);
        if (p is null) db.PropertyArrangements.Add(p = new PropertyArrangement { CompoundId = compound.Id, OrgPath = compound.OrgPath });
        else
        {
            if (p.Version != r.Version) return Failure.Stale;
            db.Entry(p).Property(x => x.Version).OriginalValue = r.Version;
        }
        var quasi = r.Kind == PropertyKind.RedQuasi;
        p.Kind = r.Kind;
        p.Provider = r.Kind == PropertyKind.None ? null : Blank(r.Provider);
        (p.LeadBranch, p.ServiceBody, p.Parties) = quasi ? (Blank(r.LeadBranch), Blank(r.ServiceBody), Blank(r.Parties)) : (null, null, null);
        p.Since = r.Since!.Value;
        p.Note = Blank(r.Note);
        p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new PropertySaved(p.Id, p.Version);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
