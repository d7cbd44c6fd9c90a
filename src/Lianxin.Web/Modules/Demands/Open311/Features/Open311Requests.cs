using Lianxin.Web.Modules.Demands.Open311.Data;
using Lianxin.Web.Modules.Demands.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Demands.Open311.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Demands.Open311.Features;

/// <summary>The form fields of a GeoReport v2 POST requests (names as the spec spells them).</summary>
public class Open311Submission
{
    public string? ServiceCode { get; set; }
    public string? Lat { get; set; }
    public string? Long { get; set; }
    public string? AddressString { get; set; }
    public string? AddressId { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Phone { get; set; }
    public string? Description { get; set; }
    public string? MediaUrl { get; set; }
    public Dictionary<string, string> Attributes { get; set; } = [];
}

public record Open311Created(string ServiceRequestId, string ServiceNotice);

/// <summary>A demand as Open311 shows it: public data only, no one's name, phone or email.</summary>
public record Open311RequestDto(string ServiceRequestId, string Status, string? StatusNotes, string ServiceName, Guid ServiceCode, string Description,
    string? AgencyResponsible, string? ServiceNotice, DateTime RequestedAt, DateTime UpdatedAt, DateTime? ExpectedAt, string? Address, string? AddressId,
    double? Lat, double? Long, string? MediaUrl);

public class Open311Query
{
    public string? ServiceRequestId { get; set; }
    public string? ServiceCode { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Status { get; set; }
}

public static partial class Open311Requests
{
    public const int MaxResults = 1000;
    static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    /// <summary>Where the demand's own rules name a field, the client sees the Open311 parameter instead.</summary>
    static readonly Dictionary<string, string> FieldNames = new()
    {
        [nameof(SubmitDemandRequest.CommunityId)] = "attribute[community]",
        [nameof(SubmitDemandRequest.CategoryId)] = "service_code",
        [nameof(SubmitDemandRequest.Description)] = "description",
        [nameof(SubmitDemandRequest.CompoundId)] = "attribute[compound]",
        [nameof(SubmitDemandRequest.Address)] = "address_string",
        [nameof(SubmitDemandRequest.ContactName)] = "last_name/first_name",
        [nameof(SubmitDemandRequest.ContactPhone)] = "phone（或 attribute[contact_phone]）",
        [nameof(SubmitDemandRequest.SlotId)] = "attribute[slot]",
    };

    /// <summary>
    /// Files a demand for <paramref name="caller"/> through the same use case as the public intake (all its rules apply),
    /// plus what only Open311 carries, in one transaction. A repeated Idempotency-Key of the same client answers the first request.
    /// Email is checked but not kept: the demand follows up by phone (collect only what the work needs).
    /// </summary>
    public static async Task<Outcome<Open311Created>> SubmitAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock, Open311Caller caller, Jurisdiction j,
        Open311Submission s, string? idempotencyKey, CancellationToken ct)
    {
        var key = DemandFlow.Blank(idempotencyKey);
        if (key is { Length: > 64 }) return Failure.Invalid("Idempotency-Key", "Idempotency-Key 不能超过 64 个字符。");
        if (key is not null && await FirstAnswerAsync(db, org, caller, key, ct) is { } earlier) return earlier;

        var found = await Open311Services.CategoryAsync(db, org, j, s.ServiceCode, ct);
        if (!found.IsOk) return new Failure(found.Kind, found.Errors, found.Message);
        var category = found.Value!;

        var e = new Errors();
        var communities = await Open311Services.CommunitiesAsync(org, j, ct);
        var communityKey = DemandFlow.Blank(s.Attributes.GetValueOrDefault(Open311Services.Community));
        var community = communityKey is null ? null : communities.FirstOrDefault(c => c.Key == communityKey || c.Id.ToString("N") == communityKey);
        if (communityKey is null) e.Fail("attribute[community]", "请在 attribute[community] 中选择诉求所在的社区（见服务定义）。");
        else if (community is null) e.Fail("attribute[community]", $"社区 {communityKey} 不在该街道。");

        Guid? compoundId = null;
        var compoundKey = DemandFlow.Blank(s.Attributes.GetValueOrDefault(Open311Services.Compound)) ?? DemandFlow.Blank(s.AddressId);
        if (compoundKey is not null)
        {
            if (Guid.TryParse(compoundKey, out var cid)) compoundId = cid;
            else e.Fail("attribute[compound]", "小区编号格式不正确（见服务定义中的小区列表）。");
        }

        double? lat = null, lon = null;
        var latText = DemandFlow.Blank(s.Lat);
        var longText = DemandFlow.Blank(s.Long);
        if (latText is not null || longText is not null)
        {
            if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90
                || !double.TryParse(longText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
                e.Fail("lat/long", "lat 与 long 须同时提供，且为 WGS84 十进制度数（纬度 -90 至 90，经度 -180 至 180）。");
            else (lat, lon) = (la, lo);
        }
        var address = DemandFlow.Blank(s.AddressString);
        if (lat is null && address is null && compoundKey is null && !e.ContainsKey("lat/long"))
            e.Fail("address_string", "请提供位置：lat 与 long、address_string 或 address_id（小区）之一。");
        // The demand needs a place in words; a bare point on the map is kept as one.
        if (address is null && compoundId is null && lat is not null)
            address = string.Create(CultureInfo.InvariantCulture, $"坐标 {lat:0.######}, {lon:0.######}");

        // Services on a resident's behalf book a slot; whether it exists, is this community's, offers the service
        // and has a place is SubmitDemand's to say (its errors come back under attribute[slot]).
        Guid? slotId = null;
        if (category.ServiceMode != ServiceMode.None && DemandFlow.Blank(s.Attributes.GetValueOrDefault(Open311Services.Slot)) is { } slotKey)
        {
            if (Guid.TryParse(slotKey, out var sid)) slotId = sid;
            else e.Fail("attribute[slot]", "预约时段编号格式不正确（见服务定义中的 slot 列表）。");
        }

        var media = DemandFlow.Blank(s.MediaUrl);
        if (media is not null && (media.Length > 500 || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            e.Fail("media_url", "media_url 须为 http 或 https 开头的完整网址，不超过 500 个字符。");
        if (DemandFlow.Blank(s.Email) is { } email && (email.Length > 100 || !EmailPattern().IsMatch(email)))
            e.Fail("email", "email 格式不正确。");
        if (s.Description is { Length: > 4000 }) e.Fail("description", "description 不能超过 4000 个字符。");
        if (e.Any) return Failure.Invalid(e);

        // The spec makes name and description optional: the service and the place are the report (a short description is kept
        // after the service's name), and a nameless resident is addressed as 居民. The phone stays required (ADR 0030).
        var name = $"{s.LastName?.Trim()}{s.FirstName?.Trim()}";
        var description = s.Description?.Trim() ?? "";
        if (description.Length < 5) description = description.Length == 0 ? $"{category.Name}（经 Open311 提交）" : $"{category.Name}：{description}";
        var request = new SubmitDemandRequest
        {
            CommunityId = community!.Id, CategoryId = category.Id, Description = description, CompoundId = compoundId, Address = address,
            ContactName = name.Length == 0 ? "居民" : name,
            ContactPhone = DemandFlow.Blank(s.Phone) ?? s.Attributes.GetValueOrDefault(Open311Services.ContactPhone) ?? "", SlotId = slotId,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var outcome = await SubmitDemand.HandleAsync(db, org, places, pd, clock, request, null, isPublic: true, ct);
            if (!outcome.IsOk) return Renamed(outcome);
            var demand = db.Demands.Local.First(d => d.Id == outcome.Value!.Id);
            var now = clock.GetUtcNow().UtcDateTime;
            db.Open311Requests.Add(new Open311Request
            {
                TenantId = demand.TenantId, DemandId = demand.Id, ClientId = caller.ClientId, OrgPath = demand.OrgPath, Lat = lat, Long = lon,
                MediaUrl = media, IdempotencyKey = key, CreatedAt = now,
            });
            var unit = await DemandFlow.UnitNameAsync(org, demand.HandlerUnitId, ct);
            // Staff see where it came from; the public tracking page shows this step without its note.
            db.DemandSteps.Add(DemandFlow.Step(db, demand, DemandAction.Note, demand.CreatedAt, unit, $"经 Open311 接口提交（客户端：{caller.Name}）。", $"Open311：{caller.Name}"));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Open311Created(demand.TicketNo, Notice(demand.Level, unit, demand.ResponseDueAt, await AppointmentAsync(db, demand.SlotId, ct)));
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same key raced in from a second request: this one rolls back whole, the first one's answer stands.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await FirstAnswerAsync(db, org, caller, key, ct) is { } first) return first;
            throw;
        }
    }

    static string Notice(DemandLevel level, string unit, DateTime? responseDue, string? appointment) =>
        $"诉求已登记，转{level.Chinese()}（{unit}）办理" + (responseDue is { } due ? $"，将于 {ChinaTime.Minutes(due)} 前响应。" : "。")
        + (appointment is null ? "" : $"{appointment}。");

    /// <summary>"已预约 12月1日（周二）09:00–10:00，地点：…" for a demand holding a slot (public facts, as the tracking page shows).</summary>
    static async Task<string?> AppointmentAsync(LianxinDb db, Guid? slotId, CancellationToken ct) =>
        (await AppointmentsAsync(db, slotId is { } id ? [id] : [], ct)).GetValueOrDefault(slotId ?? Guid.Empty);

    static async Task<Dictionary<Guid, string>> AppointmentsAsync(LianxinDb db, List<Guid> slotIds, CancellationToken ct) =>
        slotIds.Count == 0 ? [] : (await db.ServiceSlots.AcrossScope().AsNoTracking()
                .Where(x => slotIds.Contains(x.Id)).Select(x => new { x.Id, x.StartsAt, x.EndsAt, x.Place }).ToListAsync(ct))
            .ToDictionary(x => x.Id, x => $"已预约 {SlotRules.Describe(x.StartsAt, x.EndsAt)}，地点：{x.Place}");

    static Failure Renamed<T>(Outcome<T> o)
    {
        // The only conflict of a filing is a full slot: name the parameter the client should change.
        if (o.Errors is null) return new Failure(o.Kind, null, o.Kind == OutcomeKind.Conflict ? $"attribute[slot]：{o.Message}" : o.Message);
        var e = new Errors();
        foreach (var (field, messages) in o.Errors)
            foreach (var m in messages) e.Fail(FieldNames.GetValueOrDefault(field, field), m);
        return Failure.Invalid(e);
    }

    static async Task<Open311Created?> FirstAnswerAsync(LianxinDb db, OrgDirectory org, Open311Caller caller, string key, CancellationToken ct)
    {
        // Unfiltered on purpose: the anonymous caller is the client its key named; only its own keys are searched.
        var first = await db.Open311Requests.AcrossScope().AsNoTracking()
            .Where(r => r.ClientId == caller.ClientId && r.IdempotencyKey == key)
            .Join(db.Demands.AcrossScope(), r => r.DemandId, d => d.Id, (r, d) => new { d.TicketNo, d.Level, d.HandlerUnitId, d.ResponseDueAt, d.SlotId })
            .FirstOrDefaultAsync(ct);
        if (first is null) return null;
        return new Open311Created(first.TicketNo, Notice(first.Level, await DemandFlow.UnitNameAsync(org, first.HandlerUnitId, ct), first.ResponseDueAt,
            await AppointmentAsync(db, first.SlotId, ct)));
    }

    /// <summary>The street's demands, unfiltered by the (anonymous) scope but limited to the key's street and tenant.</summary>
    static IQueryable<Demand> StreetDemands(LianxinDb db, Jurisdiction j) =>
        db.Demands.AcrossScope().AsNoTracking().Where(d => d.OrgPath.StartsWith(j.Path));

    public static async Task<Outcome<List<Open311RequestDto>>> ListAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Jurisdiction j, Open311Query q, CancellationToken ct)
    {
        var e = new Errors();
        var q0 = StreetDemands(db, j);
        if (Split(q.ServiceRequestId) is { Count: > 0 } tickets)
        {
            // The ids override every other argument (spec).
            if (tickets.Count > MaxResults) return Failure.Invalid("service_request_id", $"一次最多查询 {MaxResults} 个 service_request_id。");
            var upper = tickets.Select(t => t.ToUpperInvariant()).ToList();
            return await ToDtosAsync(db, org, await q0.Where(d => upper.Contains(d.TicketNo)).OrderByDescending(d => d.CreatedAt).ToListAsync(ct), ct);
        }
        var codes = new List<Guid>();
        foreach (var c in Split(q.ServiceCode))
            if (Guid.TryParse(c, out var g)) codes.Add(g);
            else e.Fail("service_code", $"service_code {c} 格式不正确。");
        var statuses = Split(q.Status).Select(s => s.ToLowerInvariant()).ToList();
        if (statuses.Any(s => s is not ("open" or "closed"))) e.Fail("status", "status 只能是 open 或 closed（可用逗号分隔）。");
        var start = Date(q.StartDate, "start_date", e);
        var end = Date(q.EndDate, "end_date", e);
        if (e.Any) return Failure.Invalid(e);
        var now = clock.GetUtcNow().UtcDateTime;
        (start, end) = (start, end) switch
        {
            (null, null) => (now - MaxSpan, now),
            (null, { } t) => (t - MaxSpan, t),
            ({ } f, null) => (f, f + MaxSpan),
            _ => (start, end),
        };
        if (start > end) return Failure.Invalid("start_date", "start_date 不能晚于 end_date。");
        if (end - start > MaxSpan) return Failure.Invalid("end_date", "start_date 与 end_date 之间不能超过 90 天。");

        var from = start!.Value;
        var to = end!.Value;
        q0 = q0.Where(d => d.CreatedAt >= from && d.CreatedAt <= to);
        if (codes.Count > 0) q0 = q0.Where(d => codes.Contains(d.CategoryId));
        if (statuses.Distinct().Count() == 1)
            q0 = statuses[0] == "closed" ? q0.Where(d => Open311Status.Closed.Contains(d.State)) : q0.Where(d => !Open311Status.Closed.Contains(d.State));
        var rows = await q0.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(MaxResults).ToListAsync(ct);
        return await ToDtosAsync(db, org, rows, ct);
    }

    public static async Task<Outcome<Open311RequestDto>> GetAsync(LianxinDb db, OrgDirectory org, Jurisdiction j, string id, CancellationToken ct)
    {
        var ticket = id.Trim().ToUpperInvariant();
        var d = await StreetDemands(db, j).FirstOrDefaultAsync(x => x.TicketNo == ticket, ct);
        // Another street's request is "not found" for this key, exactly like one that does not exist.
        if (d is null) return Open311Services.Missing($"该辖区没有诉求 service_request_id={id}。");
        return (await ToDtosAsync(db, org, [d], ct))[0];
    }

    /// <summary>A token is the Idempotency-Key the client sent with its POST: a client that lost the answer recovers the id with it.</summary>
    public static async Task<Outcome<string>> TokenAsync(LianxinDb db, OrgDirectory org, Open311Caller caller, string token, CancellationToken ct) =>
        await FirstAnswerAsync(db, org, caller, token.Trim(), ct) is { } first
            ? first.ServiceRequestId
            : Open311Services.Missing($"未找到 token={token}（token 为提交时所带的 Idempotency-Key）。");

    static async Task<List<Open311RequestDto>> ToDtosAsync(LianxinDb db, OrgDirectory org, List<Demand> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(d => d.Id).ToList();
        var extras = await db.Open311Requests.AcrossScope().AsNoTracking().Where(r => ids.Contains(r.DemandId))
            .ToDictionaryAsync(r => r.DemandId, ct);
        var updated = await db.DemandSteps.AcrossScope().Where(s => ids.Contains(s.DemandId))
            .GroupBy(s => s.DemandId).Select(g => new { g.Key, At = g.Max(s => s.At) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var units = await org.NamesAsync(rows.Select(d => d.HandlerUnitId).ToList(), ct);
        // Whistled-out demands name the departments at work too (吹哨报到).
        var dispatched = rows.Where(d => d.State == DemandState.Dispatched).Select(d => d.Id).ToList();
        var departments = dispatched.Count == 0 ? [] : (await db.Dispatches.AcrossScope()
                .Where(x => dispatched.Contains(x.DemandId) && (x.State == DispatchState.Pending || x.State == DispatchState.Accepted))
                .Select(x => new { x.DemandId, x.DepartmentName }).ToListAsync(ct))
            .GroupBy(x => x.DemandId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(x => x.DepartmentName).Distinct()));
        var appointments = await AppointmentsAsync(db, rows.Where(d => d.SlotId is not null).Select(d => d.SlotId!.Value).Distinct().ToList(), ct);
        var mergedInto = rows.Where(d => d.MergedIntoId is not null).Select(d => d.MergedIntoId!.Value).Distinct().ToList();
        var mergedTickets = mergedInto.Count == 0 ? [] : await db.Demands.AcrossScope()
            .Where(d => mergedInto.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.TicketNo, ct);
        return rows.Select(d =>
        {
            var extra = extras.GetValueOrDefault(d.Id);
            var status = Open311Status.Of(d.State);
            var notes = d.State switch
            {
                DemandState.Merged when d.MergedIntoId is { } m => $"与其他诉求重复，已合并至 {mergedTickets.GetValueOrDefault(m, "另一诉求")}。",
                DemandState.Resolved or DemandState.Closed or DemandState.Rejected when d.Outcome is not null => $"{d.State.Chinese()}：{FreeText.Public(d.Outcome)}",
                _ => $"{d.State.Chinese()}（{d.Level.Chinese()}）",
            };
            var closedAt = d.ClosedAt ?? d.ResolvedAt;
            var last = updated.GetValueOrDefault(d.Id, d.CreatedAt);
            var agency = units.GetValueOrDefault(d.HandlerUnitId);
            if (departments.TryGetValue(d.Id, out var depts)) agency = $"{agency}（{depts}）";
            // The same notice the POST answered (who handles it, by when, the appointment), kept current as the demand moves.
            var notice = Notice(d.Level, units.GetValueOrDefault(d.HandlerUnitId, ""), d.ResponseDueAt, d.SlotId is { } slot ? appointments.GetValueOrDefault(slot) : null);
            return new Open311RequestDto(d.TicketNo, status, notes, d.CategoryName, d.CategoryId, FreeText.Public(d.Description), agency,
                notice, d.CreatedAt, status == "closed" && closedAt is { } c ? c : last, status == "open" ? d.ResolveDueAt : null, d.Address,
                d.CompoundId?.ToString("N"), extra?.Lat, extra?.Long, extra?.MediaUrl);
        }).ToList();
    }

    static List<string> Split(string? s) =>
        (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    static DateTime? Date(string? s, string field, Errors e)
    {
        if (DemandFlow.Blank(s) is not { } text) return null;
        // Without an offset a time is the jurisdiction's (Asia/Shanghai), as every time this API writes is (+08:00).
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return HasOffset(text) ? d.UtcDateTime : ChinaTime.ToUtc(d.DateTime);
        e.Fail(field, $"{field} 须为 W3C 日期时间，例如 2026-01-01T00:00:00+08:00。");
        return null;
    }

    /// <summary>A Z or ±hh:mm / ±hhmm right after the time of day.</summary>
    static bool HasOffset(string text) => OffsetPattern().IsMatch(text.Trim());

    [GeneratedRegex(@"\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
