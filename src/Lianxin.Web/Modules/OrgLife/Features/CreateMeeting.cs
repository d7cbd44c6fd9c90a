using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>A meeting as entered on its form (new and edit); date and times are Beijing wall-clock.</summary>
public class MeetingInput
{
    public Guid BranchId { get; set; }
    public MeetingKind Kind { get; set; } = MeetingKind.PartyDay;
    public MeetingMode Mode { get; set; } = MeetingMode.OnSite;
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string Place { get; set; } = "";
    public string Host { get; set; } = "";
    public string Topic { get; set; } = "";
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public string? Decisions { get; set; }
    /// <summary>主题党日: the fixed items ticked.</summary>
    public List<string> PartyDayItems { get; set; } = [];
    /// <summary>主题党日: the items the branch chose (N), one per line.</summary>
    public string? PartyDayExtras { get; set; }
}

/// <summary>Saved; <see cref="Warnings"/> say what the secretary should look at (another meeting of the branch at the same time, a late entry).</summary>
public record MeetingSaved(Guid Id, int Version, IReadOnlyList<string> Warnings);

public static class CreateMeeting
{
    public static async Task<Outcome<MeetingSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, MeetingInput r, CancellationToken ct)
    {
        var branch = await BranchAsync(org, r.BranchId, ct);
        if (branch is null) return Failure.NotFound with { Message = "未找到该支部，或它不在您的管辖范围内。" };
        if (!db.Scope.Can(OrgLifePermissions.Record, branch.Path)) return Failure.Forbidden;
        var (_, settings, _) = await GetRules.LoadAsync(db, ct);
        var e = Check(r, clock, RuleBook.Lines(settings.PartyDayItems));
        if (e.Any) return Failure.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        var m = new Meeting { BranchId = branch.Id, OrgPath = branch.Path, CreatedAt = now, UpdatedAt = now, CreatedBy = db.Scope.UserName };
        Apply(m, r);
        m.LateEntry = Compliance.IsLateEntry(m.HeldOn, now, settings.LateEntryDays);
        var warnings = await OverlapsAsync(db, m, ct);
        if (m.LateEntry) warnings.Add(LateWarning(settings.LateEntryDays));
        db.Meetings.Add(m);
        await db.SaveChangesAsync(ct);
        return new MeetingSaved(m.Id, m.Version, warnings);
    }

    /// <summary>Meetings are held by branches: a branch the caller sees, still active.</summary>
    internal static async Task<OrgUnitRef?> BranchAsync(OrgDirectory org, Guid id, CancellationToken ct) =>
        await org.FindAsync(id, ct) is { Kind: OrgKind.Branch, IsActive: true } u ? u : null;

    internal static Errors Check(MeetingInput r, TimeProvider clock, IReadOnlyList<string> fixedItems)
    {
        var e = new Errors();
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择会议类型。");
        if (!Enum.IsDefined(r.Mode)) e.Fail(nameof(r.Mode), "请选择线下或线上召开。");
        var today = clock.Today();
        if (r.Date is not { } date) e.Fail(nameof(r.Date), "请填写会议日期。");
        else if (date.Year < 2000 || date > today.AddYears(1)) e.Fail(nameof(r.Date), "会议日期须在 2000 年以后、一年以内。");
        if (r.StartTime is null) e.Fail(nameof(r.StartTime), "请填写开始时间。");
        if (r.EndTime is null) e.Fail(nameof(r.EndTime), "请填写结束时间。");
        else if (r.StartTime is { } s && r.EndTime <= s) e.Fail(nameof(r.EndTime), "结束时间须晚于开始时间。");
        e.Required(nameof(r.Place), r.Place, r.Mode == MeetingMode.Online ? "请填写线上会议平台或会议号。" : "请填写会议地点。");
        e.Max(nameof(r.Place), r.Place, 100, "会议地点");
        e.Required(nameof(r.Host), r.Host, "请填写主持人。");
        e.Max(nameof(r.Host), r.Host, 60, "主持人");
        e.Required(nameof(r.Topic), r.Topic, "请填写会议主题。");
        e.Max(nameof(r.Topic), r.Topic, 200, "会议主题");
        e.Max(nameof(r.Agenda), r.Agenda, 2000, "会议议程");
        e.Max(nameof(r.Minutes), r.Minutes, 8000, "会议记录");
        e.Max(nameof(r.Decisions), r.Decisions, 2000, "会议决议");
        if (r.Kind == MeetingKind.PartyDay)
        {
            if (r.PartyDayItems.Any(i => !fixedItems.Contains(i))) e.Fail(nameof(r.PartyDayItems), "请从区里规定的主题党日规定动作中勾选。");
            var extras = RuleBook.Lines(r.PartyDayExtras);
            if (extras.Count > 10 || extras.Any(x => x.Length > 60)) e.Fail(nameof(r.PartyDayExtras), "自选动作最多 10 项，每项不超过 60 个字。");
        }
        return e;
    }

    internal static void Apply(Meeting m, MeetingInput r)
    {
        m.Kind = r.Kind;
        m.Mode = r.Mode;
        m.HeldOn = r.Date!.Value;
        m.StartsAt = ChinaTime.ToUtc(m.HeldOn, r.StartTime!.Value);
        m.EndsAt = ChinaTime.ToUtc(m.HeldOn, r.EndTime!.Value);
        m.Place = r.Place.Trim();
        m.Host = r.Host.Trim();
        m.Topic = r.Topic.Trim();
        m.Agenda = Blank(r.Agenda);
        m.Minutes = Blank(r.Minutes);
        m.Decisions = Blank(r.Decisions);
        var party = r.Kind == MeetingKind.PartyDay;
        m.PartyDayItems = party && r.PartyDayItems.Count > 0 ? string.Join('\n', r.PartyDayItems.Distinct()) : null;
        m.PartyDayExtras = party && RuleBook.Lines(r.PartyDayExtras) is { Count: > 0 } x ? string.Join('\n', x) : null;
    }

    /// <summary>Other meetings of the same branch at an overlapping time: a warning, not a refusal (a 党员大会 may follow a 支委会 in the same room).</summary>
    internal static async Task<List<string>> OverlapsAsync(LianxinDb db, Meeting m, CancellationToken ct)
    {
        var others = await db.Meetings.AsNoTracking()
            .Where(x => x.BranchId == m.BranchId && x.Id != m.Id && x.Status == MeetingStatus.Active && x.StartsAt < m.EndsAt && x.EndsAt > m.StartsAt)
            .OrderBy(x => x.StartsAt).Select(x => new { x.Kind, x.Topic, x.StartsAt, x.EndsAt }).ToListAsync(ct);
        return others.Select(x => $"与本支部的{x.Kind.Chinese()}“{x.Topic}”（{ChinaTime.Minutes(x.StartsAt)}–{ChinaTime.ToBeijing(x.EndsAt):HH:mm}）时间重叠，请确认。").ToList();
    }

    internal static string LateWarning(int days) => $"会议日期已过 {days} 天以上，本条为补录记录，须经街道审核后计入组织生活完成情况。";

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
