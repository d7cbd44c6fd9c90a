using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using System.Text.RegularExpressions;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>A demand as a resident raises it (public page) or as staff record it (phone call, visit).</summary>
public class SubmitDemandRequest
{
    public Guid CommunityId { get; set; }
    public Guid CategoryId { get; set; }
    public string Description { get; set; } = "";
    public Guid? CompoundId { get; set; }
    public string? Address { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public DateTime? AppointmentAt { get; set; }
    /// <summary>Services on a resident's behalf (代办·帮办·陪办·预约办): the appointment slot picked; its start becomes <see cref="AppointmentAt"/>.</summary>
    public Guid? SlotId { get; set; }
    /// <summary>Staff only: how the demand came in (电话、走访).</summary>
    public DemandSource Source { get; set; } = DemandSource.Staff;
    /// <summary>Set by another module through <see cref="DemandDirectory.RaiseAsync"/>, never by a client.</summary>
    [System.Text.Json.Serialization.JsonIgnore, Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public Guid? SourceRecordId { get; set; }
}

public record DemandCreated(Guid Id, string TicketNo);

/// <summary>A community staff may file demands in: all of it, or (<see cref="WholeCommunity"/> false) the compounds of the grid or
/// compound branch they lead.</summary>
public record FilingCommunity(Guid Id, string Name, bool WholeCommunity);

public static partial class SubmitDemand
{
    /// <summary>The communities of the staff form: those the caller handles whole, then those holding a branch they lead.</summary>
    public static async Task<List<FilingCommunity>> CommunitiesAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        var list = (await org.InScopeAsync(ct, true, OrgKind.Community)).Where(u => db.Scope.Can(DemandPermissions.DemandHandle, u.Path))
            .Select(u => new FilingCommunity(u.Id, u.ShortName, true)).ToList();
        foreach (var root in db.Scope.RootsWith(DemandPermissions.DemandHandle))
            if (await org.CommunityOfAsync(root, ct) is { IsActive: true } c && list.All(x => x.Id != c.Id))
                list.Add(new FilingCommunity(c.Id, c.ShortName, false));
        return list;
    }

    public static Errors Validate(SubmitDemandRequest r, DateTime now)
    {
        var e = new Errors();
        if (r.CommunityId == Guid.Empty) e.Fail(nameof(r.CommunityId), "请选择所在社区。");
        if (r.CategoryId == Guid.Empty) e.Fail(nameof(r.CategoryId), "请选择诉求类别。");
        if (string.IsNullOrWhiteSpace(r.Description) || r.Description.Trim().Length < 5) e.Fail(nameof(r.Description), "请描述您的诉求（至少 5 个字）。");
        e.Max(nameof(r.Description), r.Description, 1000, "诉求描述");
        if (r.CompoundId is null && string.IsNullOrWhiteSpace(r.Address)) e.Fail(nameof(r.Address), "请选择小区或填写地点。");
        e.Max(nameof(r.Address), r.Address, 200, "地点");
        e.Required(nameof(r.ContactName), r.ContactName, "请填写联系人称呼。");
        e.Max(nameof(r.ContactName), r.ContactName, 40, "联系人称呼");
        if (string.IsNullOrWhiteSpace(r.ContactPhone)) e.Fail(nameof(r.ContactPhone), "请填写联系电话，以便告知办理结果。");
        else if (!PhoneNumber.IsValid(PhoneNumber.Normalize(r.ContactPhone))) e.Fail(nameof(r.ContactPhone), "联系电话格式不正确（手机号 11 位，可带 +86；或带区号的固定电话）。");
        if (r.AppointmentAt is { } at && at <= now) e.Fail(nameof(r.AppointmentAt), "预约时间须晚于现在。");
        return e;
    }

    /// <summary>
    /// Files a demand. <paramref name="isPublic"/>: an anonymous resident, so the community, place and category
    /// are looked up without the scope filter (they are public facts); staff must be able to handle demands there.
    /// A repeated <paramref name="idempotencyKey"/> answers the first demand instead of filing a second.
    /// </summary>
    public static Task<Outcome<DemandCreated>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory compounds, PersonalData pd, TimeProvider clock, SubmitDemandRequest r,
        string? idempotencyKey, bool isPublic, CancellationToken ct, IReadOnlyList<Platform.Files.Upload>? photos = null) =>
        HandleAsync(db, org, compounds, pd, clock, r, idempotencyKey, isPublic, ct, photos, attempt: 1);

    static async Task<Outcome<DemandCreated>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory compounds, PersonalData pd, TimeProvider clock, SubmitDemandRequest r,
        string? idempotencyKey, bool isPublic, CancellationToken ct, IReadOnlyList<Platform.Files.Upload>? photos, int attempt)
    {
        var rawKey = idempotencyKey;
        var now = clock.GetUtcNow().UtcDateTime;
        idempotencyKey = DemandFlow.Blank(idempotencyKey);
        if (idempotencyKey is { Length: > 64 }) return Failure.Invalid("IdempotencyKey", "Idempotency-Key 不能超过 64 个字符。");
        // Keys are per caller (anonymous residents share one space), so nobody reaches another's answer by reusing a key.
        if (idempotencyKey is not null) idempotencyKey = isPublic ? $"p:{idempotencyKey}" : $"u:{db.Scope.UserId:N}:{idempotencyKey}";
        if (idempotencyKey is not null && await FindByKeyAsync(db, idempotencyKey, ct) is { } earlier) return earlier;

        var e = Validate(r, now);
        if (e.Any) return Failure.Invalid(e);

        var community = await org.FindInDistrictAsync(r.CommunityId, ct);
        if (community is not { Kind: OrgKind.Community, IsActive: true, ParentId: { } streetId })
            return Failure.Invalid(nameof(r.CommunityId), "所选社区不存在。");
        var categories = await Categories.ForStreetAsync(db, org, streetId, ct);
        var category = categories.FirstOrDefault(c => c.Id == r.CategoryId);
        if (category is null) return Failure.Invalid(nameof(r.CategoryId), "所选类别不属于该街道。");
        if (category.ServiceMode != ServiceMode.None && r.SlotId is null)
            return Failure.Invalid(nameof(r.SlotId), $"“{category.Name}”需要预约，请选择预约时段。");

        Guid? gridUnitId = null, compoundUnitId = null;
        string? address = DemandFlow.Blank(r.Address);
        if (r.CompoundId is { } compoundId)
        {
            var compound = await compounds.FindCompoundRouteInDistrictAsync(compoundId, ct);
            if (compound is null || compound.CommunityId != community.Id) return Failure.Invalid(nameof(r.CompoundId), "所选小区不在该社区。");
            address ??= compound.Name;
            // After 拆—转—建 the compound's own branch handles it first; its grid branch no longer sees the compound.
            if (compound.BranchId is { } own) compoundUnitId = own;
            else gridUnitId = compound.GridBranchId;
        }

        var phone = PhoneNumber.Normalize(r.ContactPhone)!;
        var (phoneCipher, phoneHash) = pd.Seal(phone);
        var d = new Demand
        {
            TenantId = db.Scope.TenantId,
            TicketNo = Ticket.New(now),
            CategoryId = category.Id,
            CategoryName = category.Name,
            Description = r.Description.Trim(),
            StreetId = streetId,
            CommunityId = community.Id,
            GridUnitId = gridUnitId,
            CompoundUnitId = compoundUnitId,
            CompoundId = r.CompoundId,
            Address = address,
            ContactName = r.ContactName.Trim(),
            ContactPhoneCipher = phoneCipher!,
            ContactPhoneHash = phoneHash,
            PhoneTail = PhoneNumber.Tail(phone),
            Source = isPublic ? DemandSource.Public : r.Source == DemandSource.Public ? DemandSource.Staff : r.Source,
            SourceRecordId = r.SourceRecordId,
            ServiceMode = category.ServiceMode,
            AppointmentAt = r.AppointmentAt,
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
            FiledByUserId = isPublic && db.Scope.IsSignedIn ? db.Scope.UserId : null,
        };
        // Rows belong to the lowest unit of the place, so it, its community and the street all see them; a category
        // handled at the first level goes to the compound's own branch or the grid branch, else to the community.
        var level = category.DefaultLevel == DemandLevel.Grid ? d.LowestLevel : category.DefaultLevel;
        d.OrgPath = (compoundUnitId ?? gridUnitId) is { } lowest ? (await org.FindInDistrictAsync(lowest, ct))!.Path : community.Path;
        // Staff file demands for the places they handle: the community's, or a grid leader's own grid (a household visit there).
        if (!isPublic && !db.Scope.Can(DemandPermissions.DemandHandle, d.OrgPath))
        {
            // A branch inside the community is told which compounds are its own rather than refused.
            if (db.Scope.RootsWith(DemandPermissions.DemandHandle).Any(p => p.StartsWith(community.Path, StringComparison.Ordinal)))
                return Failure.Invalid(nameof(r.CompoundId), r.CompoundId is null ? "请选择小区：网格（小区）党支部登记本网格（小区）内的诉求。" : "所选小区不在您负责的网格（小区）内。");
            return Failure.Forbidden;
        }
        var unit = await DemandFlow.MoveToAsync(db, org, d, level, DemandState.Submitted, now, await TenantCalendar.ForDeadlinesAsync(db, now, ct), ct);
        if (category.ServiceMode != ServiceMode.None && await ServiceSlots.BookAsync(db, d, r.SlotId!.Value, now, ct) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }
        db.Demands.Add(d);
        DemandPhotos.Attach(db, d, photos ?? [], now);
        var actor = isPublic ? "居民（网上提交）" : null;
        db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Submit, now, unit.ShortName, $"诉求已登记，转{level.Chinese()}（{unit.ShortName}）办理。", actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (d.SlotId is { } slotId)
        {
            // Another booking took a place in the slot between our read and our save (the slot's version moved).
            db.ChangeTracker.Clear();
            if (await ServiceSlots.IsFullAsync(db, slotId, ct) || attempt >= 10) return Failure.Conflict(SlotRules.FullMessage);
            return await HandleAsync(db, org, compounds, pd, clock, r, rawKey, isPublic, ct, photos, attempt + 1);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key raced in from a second request: answer what it filed.
            db.ChangeTracker.Clear();
            if (await FindByKeyAsync(db, idempotencyKey, ct) is { } first) return first;
            throw;
        }
        return new DemandCreated(d.Id, d.TicketNo);
    }

    static async Task<DemandCreated?> FindByKeyAsync(LianxinDb db, string key, CancellationToken ct) =>
        // Unfiltered on purpose: a retry must find its first answer even if the caller cannot see the demand.
        await db.Demands.AcrossScope().Where(d => d.IdempotencyKey == key)
            .Select(d => new DemandCreated(d.Id, d.TicketNo)).FirstOrDefaultAsync(ct);
}
