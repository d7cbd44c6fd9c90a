using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Contracts;

/// <summary>A demand as other modules see it (a pledge links the demands it answers): no contact data.</summary>
public record DemandSummary(Guid Id, string TicketNo, string Category, string StateName, Guid CommunityId);

/// <summary>The demands other modules read (ADR 0016): they never query Demands' tables. Both methods see what the caller sees.</summary>
public class DemandDirectory(LianxinDb db)
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
}
