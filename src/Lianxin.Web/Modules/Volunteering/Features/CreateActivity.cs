using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>An activity as entered: times are Beijing wall-clock times.</summary>
public class ActivityInput
{
    public Guid UnitId { get; set; }
    public Guid? TeamId { get; set; }
    public string Title { get; set; } = "";
    public ActivityKind Kind { get; set; } = ActivityKind.Patrol;
    public string Place { get; set; } = "";
    public DateOnly? Day { get; set; }
    public TimeOnly? From { get; set; }
    public TimeOnly? To { get; set; }
    public int Capacity { get; set; } = 10;
    public string? Skills { get; set; }
    public string? Description { get; set; }
}

public record ActivitySaved(Guid Id, int Version);

/// <summary>A community publishes a volunteering activity (巡防, 环境整治, 爱心互助, 宣传…), optionally for one of its teams.</summary>
public static class CreateActivity
{
    public const int MaxCapacity = 500;

    public static async Task<Outcome<ActivitySaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, ActivityInput r, CancellationToken ct)
    {
        var unit = await org.FindAsync(r.UnitId, ct);
        var e = new Errors();
        if (unit is null || unit.Kind != OrgKind.Community || !unit.IsActive) e.Fail(nameof(r.UnitId), "请选择您辖区内的社区。");
        else if (!db.Scope.Can(VolunteeringPermissions.Manage, unit.Path)) return Failure.Forbidden;
        if (r.TeamId is { } teamId && unit is not null
            && !await db.VolunteerTeams.AnyAsync(t => t.Id == teamId && unit.Path.StartsWith(t.OrgPath), ct))
            e.Fail(nameof(r.TeamId), "请选择本社区或所在街道的志愿服务队。");
        Check(e, r, clock.GetUtcNow().UtcDateTime);
        if (e.Any) return Failure.Invalid(e);

        var a = new Activity
        {
            UnitId = unit!.Id, OrgPath = unit.Path, TeamId = r.TeamId, Title = r.Title.Trim(), Kind = r.Kind, Place = r.Place.Trim(),
            StartsAt = ChinaTime.ToUtc(r.Day!.Value, r.From!.Value), EndsAt = ChinaTime.ToUtc(r.Day.Value, r.To!.Value), Capacity = r.Capacity,
            Skills = Blank(r.Skills), Description = Blank(r.Description), OrganiserUserId = db.Scope.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Activities.Add(a);
        await db.SaveChangesAsync(ct);
        return new ActivitySaved(a.Id, a.Version);
    }

    /// <summary>The fields an activity is published or edited with (the unit and team are checked by the caller).</summary>
    internal static void Check(Errors e, ActivityInput r, DateTime now)
    {
        e.Required(nameof(r.Title), r.Title, "请填写活动名称。");
        e.Max(nameof(r.Title), r.Title, 100, "活动名称");
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择活动类型。");
        e.Required(nameof(r.Place), r.Place, "请填写活动地点。");
        e.Max(nameof(r.Place), r.Place, 100, "活动地点");
        if (r.Day is null) e.Fail(nameof(r.Day), "请填写活动日期。");
        if (r.From is null) e.Fail(nameof(r.From), "请填写开始时间。");
        if (r.To is null) e.Fail(nameof(r.To), "请填写结束时间。");
        else if (r.From is { } f && r.To <= f) e.Fail(nameof(r.To), "结束时间须晚于开始时间。");
        if (r is { Day: { } d, From: { } from } && ChinaTime.ToUtc(d, from) <= now)
            e.Fail(nameof(r.Day), "活动开始时间须晚于现在。");
        if (r.Capacity is < 1 or > MaxCapacity) e.Fail(nameof(r.Capacity), $"招募人数须在 1–{MaxCapacity} 之间。");
        e.Max(nameof(r.Skills), r.Skills, 100, "所需技能");
        e.Max(nameof(r.Description), r.Description, 1000, "活动说明");
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
