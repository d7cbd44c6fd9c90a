using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record TrainingRow(Guid Id, TrainingKind Kind, string KindName, string Title, string Organiser, DateTime StartsAt, string Place, bool Cancelled,
    int Enrolled, int SignedIn);

/// <summary>The training sessions organised in the caller's scope, newest first, by kind, a page at a time.</summary>
public static class ListTrainings
{
    public const int PageSize = 20;

    public static async Task<Outcome<Paged<TrainingRow>>> HandleAsync(LianxinDb db, OrgDirectory org, TrainingKind? kind, int page, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var rows = db.TrainingSessions.AsNoTracking();
        if (kind is { } k) rows = rows.Where(s => s.Kind == k);
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var list = await rows.OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new
            {
                s.Id, s.Kind, s.Title, s.OrganiserId, s.StartsAt, s.Place, s.Cancelled,
                Enrolled = db.Set<TrainingRecord>().Count(r => r.SessionId == s.Id),
                SignedIn = db.Set<TrainingRecord>().Count(r => r.SessionId == s.Id && r.SignedInAt != null),
            }).ToListAsync(ct);
        var names = await org.NamesAsync(list.Select(s => s.OrganiserId).Distinct().ToList(), ct);
        return new Paged<TrainingRow>(list.Select(s => new TrainingRow(s.Id, s.Kind, s.Kind.Chinese(), s.Title, names.GetValueOrDefault(s.OrganiserId, "—"),
            s.StartsAt, s.Place, s.Cancelled, s.Enrolled, s.SignedIn)).ToList(), total, page, PageSize);
    }
}
