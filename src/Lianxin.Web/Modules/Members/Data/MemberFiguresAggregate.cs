using System.Text;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Data;

/// <summary>
/// Keeps <c>mem_unit_figures</c> and <c>mem_mobile_figures</c> in step with the roster, the dual reports and the spans of
/// working away (ADR 0037, the pattern of ADR 0026). A save touching a counted value of a member, of a member's dual report
/// or of a span marks that member; what the marked members add to the rows is read before the rows are written (taken away)
/// and again after, in the save's transaction (added), and the difference is written with additive upserts. Reading the
/// stored state both times keeps one definition (<see cref="TallyAsync"/>) for the save, the rebuild and the bulk import.
/// Unit moves rebase both path columns like any scoped table (<see cref="Features.MembersUnitLifecycle"/>).
/// </summary>
public sealed class MemberFiguresAggregate : IMaintainedAggregate
{
    public string Name => "mem_unit_figures, mem_mobile_figures";

    public async Task<Func<CancellationToken, Task>?> StageAsync(LianxinDb db, CancellationToken ct)
    {
        var marked = Marked(db);
        if (marked.Count == 0) return null;
        var tally = new MemberFiguresTally();
        await TallyAsync(db, marked, tally, -1, ct);
        return async ct2 =>
        {
            await TallyAsync(db, marked, tally, +1, ct2);
            await AddAsync(db, tally, ct2);
        };
    }

    public async Task<int> RebuildAsync(LianxinDb db, CancellationToken ct)
    {
        await db.Set<MemberFigures>().AcrossScope().ExecuteDeleteAsync(ct);
        await db.Set<MobileFigures>().AcrossScope().ExecuteDeleteAsync(ct);
        var tally = new MemberFiguresTally();
        var ids = await db.Members.AcrossScope().Where(OnRoster).Select(m => m.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(5000)) await TallyAsync(db, chunk, tally, +1, ct);
        return await AddAsync(db, tally, ct);
    }

    /// <summary>Members written by <see cref="BulkInsert"/> (no tracked save): their rows, in the caller's transaction.</summary>
    public static async Task AddInsertedAsync(LianxinDb db, IReadOnlyCollection<Guid> memberIds, CancellationToken ct)
    {
        var tally = new MemberFiguresTally();
        foreach (var chunk in memberIds.Chunk(5000)) await TallyAsync(db, chunk, tally, +1, ct);
        await AddAsync(db, tally, ct);
    }

    static readonly System.Linq.Expressions.Expression<Func<Member, bool>> OnRoster =
        m => m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended;

    /// <summary>Members whose contribution this save may change: only changes of counted values mark them.</summary>
    static HashSet<Guid> Marked(LianxinDb db)
    {
        var marked = new HashSet<Guid>();
        foreach (var e in db.ChangeTracker.Entries<Member>())
            if (e.State is EntityState.Added or EntityState.Deleted || e.State == EntityState.Modified && Changed(e,
                    nameof(Member.Status), nameof(Member.BranchId), nameof(Member.OrgPath), nameof(Member.ResidenceCommunityId)))
                marked.Add(e.Entity.Id);
        foreach (var e in db.ChangeTracker.Entries<DualReport>())
            if (e.State is EntityState.Added or EntityState.Deleted || e.State == EntityState.Modified && Changed(e,
                    nameof(DualReport.Status), nameof(DualReport.Kind), nameof(DualReport.MemberId), nameof(DualReport.CommunityId)))
                foreach (var id in new[] { e.Entity.MemberId, e.State == EntityState.Added ? null : (Guid?)e.Property(nameof(DualReport.MemberId)).OriginalValue })
                    if (id is { } m) marked.Add(m);
        foreach (var e in db.ChangeTracker.Entries<MobileMembership>())
            if (e.State is EntityState.Added or EntityState.Deleted || e.State == EntityState.Modified && Changed(e,
                    nameof(MobileMembership.MemberId), nameof(MobileMembership.OrgPath), nameof(MobileMembership.StartedOn), nameof(MobileMembership.EndedOn)))
            {
                marked.Add(e.Entity.MemberId);
                if (e.State != EntityState.Added) marked.Add((Guid)e.Property(nameof(MobileMembership.MemberId)).OriginalValue!);
            }
        return marked;
    }

    static bool Changed(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry e, params string[] properties) =>
        properties.Any(p => e.Property(p).IsModified);

    /// <summary>
    /// What the stored rows of these members add to the figures, times <paramref name="sign"/>: an on-roster member counts at
    /// (branch, residence community), reported when a member report to that very community is not withdrawn; each of their
    /// spans counts at (home branch, span).
    /// </summary>
    static async Task TallyAsync(LianxinDb db, IReadOnlyCollection<Guid> ids, MemberFiguresTally tally, int sign, CancellationToken ct)
    {
        var list = ids.ToList();
        var members = await db.Members.AcrossScope().AsNoTracking().Where(OnRoster).Where(m => list.Contains(m.Id))
            .Select(m => new { m.Id, m.TenantId, m.BranchId, m.OrgPath, m.ResidenceCommunityId }).ToListAsync(ct);
        if (members.Count == 0) return;
        var onRoster = members.Select(m => m.Id).ToList();
        var reported = (await db.DualReports.AcrossScope().AsNoTracking()
                .Where(r => r.MemberId != null && onRoster.Contains(r.MemberId.Value) && r.Kind == ReporterKind.Member && r.Status != DualReportStatus.Withdrawn)
                .Select(r => new { Member = r.MemberId!.Value, r.CommunityId }).ToListAsync(ct))
            .Select(r => (r.Member, r.CommunityId)).ToHashSet();
        // Only a community counts as a residence (as the recount read the communities of the subtree).
        var communities = (await new OrgDirectory(db).ManyAsync(members.Select(m => m.ResidenceCommunityId).OfType<Guid>(), ct))
            .Where(u => u.Kind == OrgKind.Community).ToDictionary(u => u.Id, u => u.Path);
        foreach (var m in members)
        {
            var community = m.ResidenceCommunityId is { } c && communities.TryGetValue(c, out var path) ? (Id: c, Path: path) : (Id: Guid.Empty, Path: "");
            tally.Member(m.TenantId, m.BranchId, m.OrgPath, community.Id, community.Path, sign,
                community.Id != Guid.Empty && reported.Contains((m.Id, community.Id)) ? sign : 0);
        }
        foreach (var s in await db.MobileMemberships.AcrossScope().AsNoTracking().Where(x => onRoster.Contains(x.MemberId))
                     .Select(x => new { x.TenantId, x.OrgPath, x.StartedOn, x.EndedOn }).ToListAsync(ct))
            tally.Mobile(s.TenantId, s.OrgPath, s.StartedOn, s.EndedOn ?? MobileFigures.Open, sign);
    }

    const int Batch = 500;

    /// <summary>Adds the non-zero differences, many rows per statement, the same text on both providers; answers the rows touched.</summary>
    static async Task<int> AddAsync(LianxinDb db, MemberFiguresTally tally, CancellationToken ct)
    {
        var members = tally.MemberChanges;
        foreach (var chunk in members.Chunk(Batch))
            await UpsertAsync(db, """
                INSERT INTO mem_unit_figures ("Id", "TenantId", "BranchId", "OrgPath", "CommunityId", "CommunityPath", "Members", "Reported") VALUES
                """, chunk.Select(x => new object[] { Guid.CreateVersion7(), x.Tenant, x.Branch, x.Path, x.Community,
                    x.CommunityPath, x.Members, x.Reported }), """
                ON CONFLICT ("TenantId", "BranchId", "CommunityId") DO UPDATE SET
                    "Members" = mem_unit_figures."Members" + excluded."Members",
                    "Reported" = mem_unit_figures."Reported" + excluded."Reported"
                """, ct);
        var spans = tally.SpanChanges;
        foreach (var chunk in spans.Chunk(Batch))
            await UpsertAsync(db, """
                INSERT INTO mem_mobile_figures ("Id", "TenantId", "UnitId", "OrgPath", "StartedOn", "EndedOn", "Members") VALUES
                """, chunk.Select(x => new object[] { Guid.CreateVersion7(), x.Tenant, OrgDirectory.UnitOf(x.Path), x.Path, x.From, x.To, x.Members }), """
                ON CONFLICT ("TenantId", "UnitId", "StartedOn", "EndedOn") DO UPDATE SET
                    "Members" = mem_mobile_figures."Members" + excluded."Members"
                """, ct);
        return members.Count + spans.Count;
    }

    static async Task UpsertAsync(LianxinDb db, string insert, IEnumerable<object[]> rows, string conflict, CancellationToken ct)
    {
        var sql = new StringBuilder(insert);
        var args = new List<object>();
        foreach (var row in rows)
        {
            sql.Append(args.Count == 0 ? "\n(" : ",\n(");
            for (var i = 0; i < row.Length; i++) sql.Append(i == 0 ? "" : ", ").Append('{').Append(args.Count + i).Append('}');
            sql.Append(')');
            args.AddRange(row);
        }
        sql.Append('\n').Append(conflict);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }
}
