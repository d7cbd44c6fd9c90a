using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Contracts;

/// <summary>A demand as other modules see it (a pledge links the demands it answers): no contact data.</summary>
public record DemandSummary(Guid Id, string TicketNo, string Category, string StateName, Guid CommunityId);

/// <summary>A category a demand can be filed under in a community (its street's active categories without an appointment).</summary>
public record DemandCategoryOption(Guid Id, string Name);

/// <summary>A demand another module raises for a resident (a household visit found a problem): it is filed as staff would, with its source.</summary>
public record RaisedDemand(Guid CommunityId, Guid CategoryId, string Description, Guid? CompoundId, string? Address, string ContactName,
    string ContactPhone, Guid SourceRecordId);

/// <summary>A demand still being handled, for an agenda (the weekly dispatch meeting): no contact data.</summary>
public record OpenDemand(Guid Id, string TicketNo, string Category, string Description, string StateName, DateTime CreatedAt, DateTime? ResolveDueAt, bool Overdue);

/// <summary>The demands other modules read (ADR 0016): they never query Demands' tables. Both methods see what the caller sees.</summary>
public class DemandDirectory(LianxinDb db, PersonalData pd)
{
    /// <summary>The demand with this ticket number (受理编号, any case) when the caller sees it, else null.</summary>
    public async Task<DemandSummary?> FindByTicketAsync(string ticketNo, CancellationToken ct)
    {
        var ticket = ticketNo.Trim().ToUpperInvariant();
        return (await SummariesAsync(db.Demands.Where(d => d.TicketNo == ticket), ct)).FirstOrDefault();
    }

    /// <summary>The demands of <paramref name="ids"/> the caller sees.</summary>
    public async Task<IReadOnlyList<DemandSummary>> ManyAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await SummariesAsync(db.Demands.Where(d => list.Contains(d.Id)), ct);
    }

    static async Task<List<DemandSummary>> SummariesAsync(IQueryable<Demand> demands, CancellationToken ct) =>
        (await demands.AsNoTracking().Select(d => new { d.Id, d.TicketNo, d.CategoryName, d.State, d.CommunityId }).ToListAsync(ct))
        .Select(d => new DemandSummary(d.Id, d.TicketNo, d.CategoryName, d.State.Chinese(), d.CommunityId)).ToList();

    /// <summary>The categories a demand in <paramref name="communityId"/> can take without booking a slot (public facts, like the intake page's).</summary>
    public async Task<IReadOnlyList<DemandCategoryOption>> CategoriesAsync(OrgDirectory org, Guid communityId, CancellationToken ct) =>
        await org.FindInDistrictAsync(communityId, ct) is { Kind: OrgKind.Community, ParentId: { } streetId }
            ? (await Categories.ForStreetAsync(db, org, streetId, ct)).Where(c => c.Active && c.ServiceMode == ServiceMode.None)
                .OrderBy(c => c.SortOrder).Select(c => new DemandCategoryOption(c.Id, c.Name)).ToList()
            : [];

    /// <summary>Files a demand raised by a household visit (source 入户走访, the visit's id kept), with the rules of a demand staff record.</summary>
    public async Task<Outcome<DemandSummary>> RaiseFromVisitAsync(OrgDirectory org, PlaceDirectory places, TimeProvider clock, RaisedDemand r, CancellationToken ct)
    {
        var request = new SubmitDemandRequest
        {
            CommunityId = r.CommunityId, CategoryId = r.CategoryId, Description = r.Description, CompoundId = r.CompoundId, Address = r.Address,
            ContactName = r.ContactName, ContactPhone = r.ContactPhone, Source = DemandSource.Visit, SourceRecordId = r.SourceRecordId,
        };
        var filed = await SubmitDemand.HandleAsync(db, org, places, pd, clock, request, null, isPublic: false, ct);
        if (!filed.IsOk) return filed.AsFailure();
        return (await ManyAsync([filed.Value!.Id], ct)).Single();
    }

    /// <summary>
    /// The field errors a raised demand would meet when filed (the rules of a staff record, the category among the community's), so
    /// that a module raising it through an event can refuse bad input before anything is published.
    /// </summary>
    public async Task<Errors> CheckRaisedAsync(OrgDirectory org, RaisedDemand r, DateTime now, CancellationToken ct)
    {
        var e = SubmitDemand.Validate(new SubmitDemandRequest
        {
            CommunityId = r.CommunityId, CategoryId = r.CategoryId, Description = r.Description, CompoundId = r.CompoundId, Address = r.Address,
            ContactName = r.ContactName, ContactPhone = r.ContactPhone,
        }, now);
        if (!e.ContainsKey(nameof(r.CategoryId)) && (await CategoriesAsync(org, r.CommunityId, ct)).All(c => c.Id != r.CategoryId))
            e.Fail(nameof(r.CategoryId), "请选择该社区可受理的诉求类别。");
        return e;
    }

    /// <summary>The demands the caller sees that were raised from the given source records (a visit, a campaign finding), by source record.</summary>
    public async Task<IReadOnlyDictionary<Guid, DemandSummary>> RaisedFromAsync(IEnumerable<Guid> sourceRecordIds, CancellationToken ct)
    {
        var list = sourceRecordIds.Distinct().ToList();
        if (list.Count == 0) return new Dictionary<Guid, DemandSummary>();
        var rows = await db.Demands.AsNoTracking().Where(d => d.SourceRecordId != null && list.Contains(d.SourceRecordId.Value))
            .Select(d => new { Source = d.SourceRecordId!.Value, d.Id, d.TicketNo, d.CategoryName, d.State, d.CommunityId }).ToListAsync(ct);
        return rows.GroupBy(d => d.Source).ToDictionary(g => g.Key, g => g.Select(d => new DemandSummary(d.Id, d.TicketNo, d.CategoryName, d.State.Chinese(), d.CommunityId)).First());
    }

    /// <summary>Demands under <paramref name="path"/> still being handled, overdue first, then the earliest due; at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<OpenDemand>> OpenUnderAsync(string path, int take, CancellationToken ct)
    {
        DemandState[] open = [DemandState.Submitted, DemandState.Accepted, DemandState.Dispatched];
        var rows = await db.Demands.AsNoTracking().Where(d => d.OrgPath.StartsWith(path) && open.Contains(d.State))
            .OrderByDescending(d => d.Overdue).ThenBy(d => d.ResolveDueAt == null).ThenBy(d => d.ResolveDueAt).ThenBy(d => d.CreatedAt).Take(take)
            .Select(d => new { d.Id, d.TicketNo, d.CategoryName, d.Description, d.State, d.CreatedAt, d.ResolveDueAt, d.Overdue }).ToListAsync(ct);
        return rows.Select(d => new OpenDemand(d.Id, d.TicketNo, d.CategoryName, DemandQueries.Excerpt(d.Description), d.State.Chinese(), d.CreatedAt, d.ResolveDueAt, d.Overdue)).ToList();
    }
}
