using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record TrainingLine(Guid MemberId, string Name, DateTime? SignedInAt, string? SignedInBy, int? Score, string? Reflection);

public record TrainingDetail(Guid Id, TrainingKind Kind, string KindName, string Title, Guid OrganiserId, string Organiser, string AudienceUnit,
    TrainingAudience Audience, string AudienceName, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, string Place, string? Teacher, string? Summary,
    bool Cancelled, int Version, bool CanOrganise, string? SignInPath, IReadOnlyList<TrainingLine> Records, IReadOnlyList<Ranked<TrainingLine>> Ranking)
{
    public int SignedIn => Records.Count(r => r.SignedInAt is not null);
}

/// <summary>A session for those who see its organiser: who enrolled and signed in, scores, 心得, the session's ranking and (to organisers) the sign-in code.</summary>
public static class GetTraining
{
    public static async Task<Outcome<TrainingDetail>> HandleAsync(LianxinDb db, OrgDirectory org, TrainingCodes codes, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var s = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.View, s.OrgPath)) return Failure.Forbidden;
        var records = await db.TrainingRecords.AsNoTracking().Where(r => r.SessionId == id).ToListAsync(ct);
        var names = await org.NamesAsync([s.OrganiserId, s.AudienceUnitId], ct);
        var canOrganise = db.Scope.Can(TrainingPermissions.Organise, s.OrgPath);
        var lines = records.OrderBy(r => r.SignedInAt is null).ThenBy(r => r.MemberName, StringComparer.Ordinal)
            .Select(r => new TrainingLine(r.MemberId, r.MemberName, r.SignedInAt, r.SignedInBy, r.Score, r.Reflection)).ToList();
        return new TrainingDetail(s.Id, s.Kind, s.Kind.Chinese(), s.Title, s.OrganiserId, names.GetValueOrDefault(s.OrganiserId, "—"),
            names.GetValueOrDefault(s.AudienceUnitId, "—"), s.Audience, s.Audience.Chinese(), s.HeldOn, TimeOnly.FromDateTime(ChinaTime.ToBeijing(s.StartsAt)),
            TimeOnly.FromDateTime(ChinaTime.ToBeijing(s.EndsAt)), s.Place, s.Teacher, s.Summary, s.Cancelled, s.Version, canOrganise,
            canOrganise && !s.Cancelled ? TrainingCodes.PathFor(codes.TokenFor(s)) : null, lines,
            TrainingRanking.Rank(lines.Where(l => l.Score is not null), l => l.Score!.Value, l => l.Name));
    }
}
