using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Open311.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Demands.Open311.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Open311.Features;

public record Open311ClientDto(Guid Id, Guid StreetId, string Street, string Name, string Contact, string KeyPrefix, DateTime CreatedAt,
    string CreatedBy, DateTime? RevokedAt, string? RevokedBy, DateTime? LastUsedAt);

/// <summary>The key is in this answer once and nowhere else, ever.</summary>
public record Open311ClientIssued(Open311ClientDto Client, string ApiKey);

public class IssueOpen311ClientRequest
{
    public Guid StreetId { get; set; }
    public string Name { get; set; } = "";
    public string Contact { get; set; } = "";
}

/// <summary>Street staff issue a key per client application and revoke it; list what their streets have issued.</summary>
public static class Open311Clients
{
    /// <summary>The streets where the caller may manage Open311 clients.</summary>
    public static async Task<List<OrgUnitRef>> StreetsAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        var streets = await org.InScopeAsync(ct, true, OrgKind.Street);
        return streets.Where(s => db.Scope.Can(DemandPermissions.Open311Manage, s.Path))
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public static async Task<Outcome<List<Open311ClientDto>>> ListAsync(LianxinDb db, OrgDirectory org, Guid? streetId, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DemandPermissions.Open311Manage)) return Failure.Forbidden;
        var streets = (await StreetsAsync(db, org, ct)).ToDictionary(s => s.Id);
        if (streetId is { } sid && !streets.ContainsKey(sid)) return Failure.NotFound;
        var ids = streetId is { } only ? [only] : streets.Keys.ToList();
        var rows = await db.Open311Clients.AsNoTracking().Where(c => ids.Contains(c.StreetId))
            .OrderBy(c => c.RevokedAt != null).ThenByDescending(c => c.CreatedAt).ToListAsync(ct);
        return rows.Select(c => ToDto(c, streets[c.StreetId])).ToList();
    }

    static string StreetName(OrgUnitRef s) => s.ShortName.Replace("党工委", "");

    public static Open311ClientDto ToDto(Open311Client c, OrgUnitRef street) => new(c.Id, c.StreetId, StreetName(street), c.Name, c.Contact,
        c.KeyPrefix, c.CreatedAt, c.CreatedBy, c.RevokedAt, c.RevokedBy, c.LastUsedAt);

    public static async Task<Outcome<Open311ClientIssued>> IssueAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, IssueOpen311ClientRequest r, CancellationToken ct,
        string? fixedKey = null)
    {
        var e = new Errors();
        if (r.StreetId == Guid.Empty) e.Fail(nameof(r.StreetId), "请选择街道。");
        e.Required(nameof(r.Name), r.Name, "请填写客户端名称。");
        e.Max(nameof(r.Name), r.Name, 60, "客户端名称");
        e.Required(nameof(r.Contact), r.Contact, "请填写联系人或联系方式，以便密钥出问题时找到对方。");
        e.Max(nameof(r.Contact), r.Contact, 100, "联系人");
        if (e.Any) return Failure.Invalid(e);
        var street = await org.FindAsync(r.StreetId, ct);
        if (street is not { Kind: OrgKind.Street }) return Failure.Invalid(nameof(r.StreetId), "所选街道不存在或不在您的管辖范围内。");
        if (!db.Scope.Can(DemandPermissions.Open311Manage, street.Path)) return Failure.Forbidden;
        var name = r.Name.Trim();
        if (await db.Open311Clients.AnyAsync(c => c.StreetId == street.Id && c.Name == name && c.RevokedAt == null, ct))
            return Failure.Invalid(nameof(r.Name), "该街道已有同名的有效客户端，请换一个名称或先吊销旧密钥。");

        var key = fixedKey ?? ApiKey.New();
        var client = new Open311Client
        {
            TenantId = db.Scope.TenantId, StreetId = street.Id, OrgPath = street.Path, Name = name, Contact = r.Contact.Trim(),
            KeyHash = ApiKey.Hash(key), KeyPrefix = ApiKey.Shown(key), CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.IsSignedIn ? db.Scope.UserName : "系统",
        };
        db.Open311Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return new Open311ClientIssued(ToDto(client, street), key);
    }

    public static async Task<Outcome<Open311ClientDto>> RevokeAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var client = await db.Open311Clients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.Open311Manage, client.OrgPath)) return Failure.Forbidden;
        if (client.Revoked) return Failure.Conflict("该密钥已吊销。");
        client.RevokedAt = clock.GetUtcNow().UtcDateTime;
        client.RevokedBy = db.Scope.UserName;
        await db.SaveChangesAsync(ct);
        var street = await org.FindInDistrictAsync(client.StreetId, ct) ?? throw new InvalidOperationException($"Street {client.StreetId} of Open311 client {client.Id} is missing.");
        return ToDto(client, street);
    }
}

/// <summary>The calling client of an Open311 request, found by its key.</summary>
public record Open311Caller(Guid ClientId, string Name, Guid StreetId, string StreetPath);

public static class Open311Keys
{
    /// <summary>The fixed key of the demo client (README). Refused outside demo mode, like the demo passwords.</summary>
    public const string DemoKey = "lx311_demo_donghu_2026";

    /// <summary>
    /// The live client holding <paramref name="key"/>, or null. Unfiltered on purpose: the caller is anonymous
    /// until the key says who it is. Last use is stamped at most once a minute, outside the audit log (telemetry, not a change).
    /// </summary>
    public static async Task<Open311Caller?> FindAsync(LianxinDb db, TimeProvider clock, DemoOptions demo, string? key, CancellationToken ct)
    {
        key = key?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > 100) return null;
        if (key == DemoKey && !demo.Enabled) return null;
        var hash = ApiKey.Hash(key);
        var client = await db.Open311Clients.AcrossScope().AsNoTracking()
            .Where(c => c.KeyHash == hash && c.RevokedAt == null)
            .Select(c => new { c.Id, c.Name, c.StreetId, c.OrgPath, c.LastUsedAt }).FirstOrDefaultAsync(ct);
        if (client is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (client.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
            await db.Open311Clients.AcrossScope().Where(c => c.Id == client.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), ct);
        return new Open311Caller(client.Id, client.Name, client.StreetId, client.OrgPath);
    }
}
