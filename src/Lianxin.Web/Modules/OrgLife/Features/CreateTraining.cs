using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>A training session as entered on its form; date and times are Beijing wall-clock.</summary>
public class TrainingInput
{
    public Guid OrganiserId { get; set; }
    public TrainingKind Kind { get; set; } = TrainingKind.Lecture;
    public string Title { get; set; } = "";
    /// <summary>The unit whose members are expected; the organiser's own unit when empty.</summary>
    public Guid? AudienceUnitId { get; set; }
    public TrainingAudience Audience { get; set; } = TrainingAudience.Roster;
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string Place { get; set; } = "";
    public string? Teacher { get; set; }
    public string? Summary { get; set; }
}

public record TrainingSaved(Guid Id, int Version);

public static class CreateTraining
{
    public static async Task<Outcome<TrainingSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, TrainingInput r, CancellationToken ct)
    {
        var organiser = await org.FindAsync(r.OrganiserId, ct);
        if (organiser is not { IsActive: true }) return Failure.NotFound with { Message = "未找到组织单位，或它不在您的管辖范围内。" };
        if (!db.Scope.Can(TrainingPermissions.Organise, organiser.Path)) return Failure.Forbidden;
        var audience = r.AudienceUnitId is { } a && a != organiser.Id ? await org.FindAsync(a, ct) : organiser;

        var e = new Errors();
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择培训形式。");
        if (!Enum.IsDefined(r.Audience)) e.Fail(nameof(r.Audience), "请选择参训对象。");
        if (audience is null || !audience.Path.StartsWith(organiser.Path, StringComparison.Ordinal))
            e.Fail(nameof(r.AudienceUnitId), "参训单位须是组织单位本身或其下级单位。");
        e.Required(nameof(r.Title), r.Title, "请填写培训主题。");
        e.Max(nameof(r.Title), r.Title, 200, "培训主题");
        var today = clock.Today();
        if (r.Date is not { } date) e.Fail(nameof(r.Date), "请填写培训日期。");
        else if (date.Year < 2000 || date > today.AddYears(1)) e.Fail(nameof(r.Date), "培训日期须在 2000 年以后、一年以内。");
        if (r.StartTime is null) e.Fail(nameof(r.StartTime), "请填写开始时间。");
        if (r.EndTime is null) e.Fail(nameof(r.EndTime), "请填写结束时间。");
        else if (r.StartTime is { } s && r.EndTime <= s) e.Fail(nameof(r.EndTime), "结束时间须晚于开始时间。");
        e.Required(nameof(r.Place), r.Place, "请填写培训地点（线上培训填写平台或会议号）。");
        e.Max(nameof(r.Place), r.Place, 100, "培训地点");
        e.Max(nameof(r.Teacher), r.Teacher, 60, "授课人");
        e.Max(nameof(r.Summary), r.Summary, 2000, "培训内容");
        if (e.Any) return Failure.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        var session = new TrainingSession
        {
            OrganiserId = organiser.Id, OrgPath = organiser.Path, Kind = r.Kind, Title = r.Title.Trim(), AudienceUnitId = audience!.Id, AudiencePath = audience.Path,
            Audience = r.Audience, HeldOn = r.Date!.Value, StartsAt = ChinaTime.ToUtc(r.Date.Value, r.StartTime!.Value), EndsAt = ChinaTime.ToUtc(r.Date.Value, r.EndTime!.Value),
            Place = r.Place.Trim(), Teacher = Blank(r.Teacher), Summary = Blank(r.Summary), CreatedAt = now, UpdatedAt = now, CreatedBy = db.Scope.UserName,
        };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new TrainingSaved(session.Id, session.Version);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
