using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Open311.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Lists;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

public record DemandRow(Guid Id, string TicketNo, string Category, string Description, DemandState State, DemandLevel Level,
    string Handler, DateTime CreatedAt, DateTime? ResolveDueAt, bool Overdue);

public record DemandStepDto(DateTime At, DemandAction Action, string ActionName, DemandLevel Level, string Unit, string Actor, string? Note);

public record DispatchDto(Guid Id, Guid DemandId, string Department, string Request, DispatchState State, string StateName, DateTime SentAt,
    DateTime DueAt, DateTime? AcceptedAt, DateTime? ReportedAt, string? Report, int Version);

public record DemandDetailDto(Guid Id, string TicketNo, Guid CategoryId, string Category, string Description, string? Address, string ContactName,
    string ContactPhone, DemandSource Source, ServiceMode ServiceMode, DateTime? AppointmentAt, DemandState State, string StateName,
    DemandLevel Level, Guid HandlerUnitId, string Handler, Guid StreetId, Guid CommunityId, DateTime CreatedAt, DateTime? ResponseDueAt,
    DateTime? ResolveDueAt, bool Overdue, string? Outcome, Satisfaction? Rating, string? RatingNote, int ReopenCount, int Version,
    IReadOnlyList<DemandAction> Actions, IReadOnlyList<DemandStepDto> Steps, IReadOnlyList<DispatchDto> Dispatches)
{
    /// <summary>How it came in, in Chinese (入户走访 for a demand raised from a household visit).</summary>
    public string SourceName => Source.Chinese();
    /// <summary>The record in another module it was raised from (a household visit), when there is one.</summary>
    public Guid? SourceRecordId { get; init; }
    /// <summary>The photo or page an Open311 client linked (media_url), for the handler to look at.</summary>
    public string? MediaUrl { get; init; }
}

public class DemandFilter
{
    public DemandState? State { get; set; }
    public DemandLevel? Level { get; set; }
    public Guid? CategoryId { get; set; }
    public Guid? UnitId { get; set; }
    public bool? Overdue { get; set; }
    public string? Q { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 20;
    /// <summary>An opaque cursor from a previous page's next or previous (ADR 0036); wins over <see cref="Page"/>.</summary>
    public string? Cursor { get; set; }
}

public static class DemandQueries
{
    /// <summary>
    /// The demands in scope, newest first, a keyset page at a time (ADR 0036): <see cref="DemandFilter.Cursor"/> from a previous
    /// answer's next/previous, else <see cref="DemandFilter.Page"/> by offset; the total is exact up to <paramref name="countCap"/>.
    /// </summary>
    public static async Task<Outcome<ListPage<DemandRow>>> ListAsync(LianxinDb db, OrgDirectory org, PersonalData pd, DemandFilter f, int countCap, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DemandPermissions.DemandView)) return Failure.Forbidden;
        if (f.Page < 1 || f.PageSize is < 1 or > 100) return Failure.Invalid("PageSize", "每页条数须在 1–100 之间。");
        IQueryable<Demand> q = db.Demands;
        if (DemandFlow.Blank(f.Q) is { } text)
        {
            var upper = text.ToUpperInvariant();
            if (Ticket.Shaped(upper) is { } ticket && await db.Demands.AnyAsync(d => d.TicketNo == ticket, ct))
                // A whole ticket number is that demand, found through its unique index (ADR 0045): its bigrams are in every
                // ticket number, so the bigram index would intersect huge lists. Other demands merely quoting it are not listed.
                q = db.Demands.Where(d => d.TicketNo == ticket);
            else
            {
                // The index narrows the rows (a superset), the substring test keeps exactly the ones containing the text.
                var candidates = SearchTerms.Candidates(db, db.Demands, "dem_demands", text);
                var found = (candidates ?? db.Demands).Where(d => d.TicketNo.Contains(upper) || d.Description.Contains(text) || (d.Address != null && d.Address.Contains(text)));
                // A whole phone number finds the caller's demands through its keyed hash (the number itself is encrypted, ADR 0030).
                q = pd.PhoneHash(text) is { } phoneHash
                    ? db.Demands.Where(d => d.ContactPhoneHash == phoneHash || found.Select(x => x.Id).Contains(d.Id))
                    : found;
            }
        }
        q = q.AsNoTracking();
        if (f.UnitId is { } unitId)
        {
            if (await org.FindAsync(unitId, ct) is not { } unit) return Failure.NotFound;
            q = q.Where(d => d.OrgPath.StartsWith(unit.Path));
        }
        if (f.State is { } s) q = q.Where(d => d.State == s);
        if (f.Level is { } l) q = q.Where(d => d.Level == l);
        if (f.CategoryId is { } c) q = q.Where(d => d.CategoryId == c);
        if (f.Overdue is { } o) q = q.Where(d => d.Overdue == o);
        var page = await Keyset.PageAsync(q, NewestFirst, f.Cursor, f.Page, f.PageSize, countCap, ct);
        if (!page.IsOk) return page.AsFailure();
        var rows = page.Value!;
        var names = await org.NamesAsync(rows.Items.Select(r => r.HandlerUnitId).Distinct().ToList(), ct);
        return new ListPage<DemandRow>(rows.Items.Select(r => new DemandRow(r.Id, r.TicketNo, r.CategoryName, Excerpt(r.Description), r.State, r.Level,
            names.GetValueOrDefault(r.HandlerUnitId, ""), r.CreatedAt, r.ResolveDueAt, r.Overdue)).ToList(),
            rows.Total, rows.TotalIsLowerBound, rows.Page, rows.PageSize, rows.Next, rows.Previous);
    }

    record ListedDemand(Guid Id, string TicketNo, string CategoryName, string Description, DemandState State, DemandLevel Level,
        Guid HandlerUnitId, DateTime CreatedAt, DateTime? ResolveDueAt, bool Overdue);

    /// <summary>Newest first by (CreatedAt, Id), the order <c>IX_dem_demands_TenantId_CreatedAt_Id</c> serves in both directions.</summary>
    static readonly KeysetOrder<Demand, ListedDemand> NewestFirst = new("demands", 2,
        (q, back) => back ? q.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id) : q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id),
        (keys, back) =>
        {
            if (!long.TryParse(keys[0], out var ticks) || ticks is < 0 || ticks > DateTime.MaxValue.Ticks || !Guid.TryParse(keys[1], out var id)) return null;
            var at = new DateTime(ticks, DateTimeKind.Utc);
            return back
                ? d => d.CreatedAt > at || (d.CreatedAt == at && d.Id.CompareTo(id) > 0)
                : d => d.CreatedAt < at || (d.CreatedAt == at && d.Id.CompareTo(id) < 0);
        },
        d => new ListedDemand(d.Id, d.TicketNo, d.CategoryName, d.Description, d.State, d.Level, d.HandlerUnitId, d.CreatedAt, d.ResolveDueAt, d.Overdue),
        r => [r.CreatedAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Id.ToString()]);

    public static string Excerpt(string s) => s.Length <= 60 ? s : s[..60] + "…";

    public static async Task<Outcome<DemandDetailDto>> DetailAsync(LianxinDb db, OrgDirectory org, PersonalData pd, Guid id, CancellationToken ct)
    {
        var d = await db.Demands.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandView, d.OrgPath) && !db.Scope.Can(DemandPermissions.DemandView, d.HandlerPath)) return Failure.Forbidden;
        var steps = await db.DemandSteps.AsNoTracking().Where(s => s.DemandId == id).OrderBy(s => s.At).ToListAsync(ct);
        // The demand's viewers see its dispatches even where a department's own path lies outside their subtree.
        var dispatches = await db.Dispatches.AcrossScope().AsNoTracking().Where(x => x.DemandId == id)
            .OrderBy(x => x.SentAt).ToListAsync(ct);
        var handler = await DemandFlow.UnitNameAsync(org, d.HandlerUnitId, ct);
        var mayHandle = db.Scope.Can(DemandPermissions.DemandHandle, d.HandlerPath);
        var actions = mayHandle
            ? DemandRules.Allowed(d.State, d.Level).Where(a => (a != DemandAction.Dispatch || db.Scope.Can(DemandPermissions.DemandDispatch, d.HandlerPath))).ToList()
            : [];
        // Handlers call the resident back; others see the phone masked.
        var clear = pd.OpenPhone(d.ContactPhoneCipher);
        var phone = db.Scope.Can(DemandPermissions.DemandHandle, d.OrgPath) || mayHandle ? clear : Mask.Phone(clear);
        var media = await db.Open311Requests.AcrossScope().AsNoTracking().Where(r => r.DemandId == id).Select(r => r.MediaUrl).FirstOrDefaultAsync(ct);
        return new DemandDetailDto(d.Id, d.TicketNo, d.CategoryId, d.CategoryName, d.Description, d.Address, d.ContactName, phone, d.Source,
            d.ServiceMode, d.AppointmentAt, d.State, d.State.Chinese(), d.Level, d.HandlerUnitId, handler, d.StreetId, d.CommunityId, d.CreatedAt,
            d.ResponseDueAt, d.ResolveDueAt, d.Overdue, d.Outcome, d.Rating, d.RatingNote, d.ReopenCount, d.Version, actions,
            steps.Select(s => new DemandStepDto(s.At, s.Action, s.Action.Chinese(), s.Level, s.UnitName, s.ActorName, s.Note)).ToList(),
            dispatches.Select(ToDto).ToList()) { SourceRecordId = d.SourceRecordId, MediaUrl = media };
    }

    public static DispatchDto ToDto(Dispatch x) => new(x.Id, x.DemandId, x.DepartmentName, x.Request, x.State, x.State.Chinese(), x.SentAt,
        x.DueAt, x.AcceptedAt, x.ReportedAt, x.Report, x.Version);

    /// <summary>A department's inbox: the dispatches sent to the caller's departments, with what the demand is about (no contact data).</summary>
    public record DispatchRow(DispatchDto Dispatch, string TicketNo, string Category, string Description, string? Address);

    public static async Task<Outcome<List<DispatchRow>>> DispatchesAsync(LianxinDb db, DispatchState? state, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DemandPermissions.DispatchAnswer) && !db.Scope.CanAnywhere(DemandPermissions.DemandDispatch)) return Failure.Forbidden;
        var q = db.Dispatches.AsNoTracking();
        if (state is { } s) q = q.Where(x => x.State == s);
        var list = await q.OrderByDescending(x => x.SentAt).Take(200).ToListAsync(ct);
        var ids = list.Select(x => x.DemandId).Distinct().ToList();
        // Narrowly unfiltered: only the demands these visible dispatches point to, and only what the department needs.
        var demands = await db.Demands.AcrossScope().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.TicketNo, d.CategoryName, d.Description, d.Address }).ToDictionaryAsync(d => d.Id, ct);
        return list.Select(x => demands.TryGetValue(x.DemandId, out var d)
            ? new DispatchRow(ToDto(x), d.TicketNo, d.CategoryName, d.Description, d.Address)
            : new DispatchRow(ToDto(x), "", "", "", null)).ToList();
    }
}
