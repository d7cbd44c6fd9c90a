using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public class AnswerInput
{
    public Guid ItemId { get; set; }
    public CheckResult? Result { get; set; }
    /// <summary>What was wrong (for a failed item it becomes the finding's text after the item's).</summary>
    public string? Note { get; set; }
    public Severity Severity { get; set; } = Severity.Minor;
}

public class FindingInput
{
    public string Text { get; set; } = "";
    public Severity Severity { get; set; } = Severity.Minor;
}

public class InspectionInput
{
    public Guid PlaceId { get; set; }
    public List<AnswerInput> Answers { get; set; } = [];
    /// <summary>Problems outside the checklist (blank ones are dropped).</summary>
    public List<FindingInput> Findings { get; set; } = [];
    public string? Note { get; set; }
}

public record InspectionSaved(Guid Id, int Findings);

/// <summary>
/// An inspection on the spot (today, within the campaign's period) of a place in scope: every checklist item answered pass, fail or
/// not applicable, photos, and further findings. Each failed item and each finding written down becomes a finding with its
/// rectification task, due after the campaign's rectification days.
/// </summary>
public static class RecordInspection
{
    public static async Task<Outcome<InspectionSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid campaignId, InspectionInput r, IReadOnlyList<Upload> photos,
        CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == campaignId, ct);
        if (c is null) return Failure.NotFound;
        if (r.PlaceId == Guid.Empty || !await db.CampaignPlaces.AcrossScope().AnyAsync(p => p.Id == r.PlaceId && p.CampaignId == c.Id, ct))
            return Failure.Invalid(nameof(r.PlaceId), "请选择本次专项行动范围内的小区或楼栋。");
        var place = await db.CampaignPlaces.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r.PlaceId, ct);
        if (place is null) return Failure.NotFound with { Message = "该小区或楼栋不在您的管辖范围内。" };
        if (!db.Scope.Can(CampaignPermissions.Inspect, place.OrgPath)) return Failure.Forbidden;
        var today = clock.Today();
        if (c.State == CampaignState.Draft) return Failure.Conflict("专项行动尚未启动，不能登记检查。");
        if (c.State == CampaignState.Closed) return Failure.Conflict("专项行动已结束，不能再登记检查。");
        if (today < c.StartsOn || today > c.EndsOn)
            return Failure.Conflict($"今天不在专项行动期间（{c.StartsOn:yyyy年M月d日}至{c.EndsOn:yyyy年M月d日}），不能登记检查。");

        var items = await db.ChecklistItems.AsNoTracking().Where(i => i.CampaignId == c.Id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var answers = (r.Answers ?? []).Where(a => a.Result is not null).GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.Last());
        var e = new Errors();
        if (answers.Keys.Any(k => items.All(i => i.Id != k))) e.Fail(nameof(r.Answers), "检查结果中有不属于本次检查清单的项目。");
        var missing = items.Count(i => !answers.ContainsKey(i.Id));
        if (missing > 0) e.Fail(nameof(r.Answers), $"请逐项填写检查结果（还有 {missing} 项未填）。");
        for (var i = 0; i < items.Count; i++)
            if (answers.GetValueOrDefault(items[i].Id) is { } a)
            {
                if (!Enum.IsDefined(a.Result!.Value) || !Enum.IsDefined(a.Severity)) e.Fail($"Answers[{i}].Result", $"第 {i + 1} 项的检查结果无效。");
                e.Max($"Answers[{i}].Note", a.Note, 500, $"第 {i + 1} 项的说明");
            }
        var extra = (r.Findings ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Text)).ToList();
        for (var i = 0; i < extra.Count; i++)
        {
            e.Max($"Findings[{i}].Text", extra[i].Text, 1000, "发现的问题");
            if (!Enum.IsDefined(extra[i].Severity)) e.Fail($"Findings[{i}].Severity", "请选择问题的严重程度。");
        }
        e.Max(nameof(r.Note), r.Note, 1000, "检查情况");
        if (e.Any) return Failure.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = db.Scope.UserId ?? Guid.Empty;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var inspection = new Inspection
        {
            CampaignId = c.Id, PlaceId = place.Id, CommunityId = place.CommunityId, OrgPath = place.OrgPath, InspectedOn = today, InspectorUserId = userId,
            InspectorName = string.IsNullOrWhiteSpace(name) ? db.Scope.UserName : name, Note = Blank(r.Note), CreatedAt = now,
        };
        db.CampaignInspections.Add(inspection);
        var found = new List<(Guid? Item, string Text, Severity Severity)>();
        foreach (var item in items)
        {
            var a = answers[item.Id];
            db.CampaignAnswers.Add(new InspectionAnswer { InspectionId = inspection.Id, ItemId = item.Id, Result = a.Result!.Value, Note = Blank(a.Note) });
            if (a.Result == CheckResult.Fail) found.Add((item.Id, Blank(a.Note) is { } note ? $"{item.Text}：{note}" : item.Text, a.Severity));
        }
        found.AddRange(extra.Select(f => ((Guid?)null, f.Text.Trim(), f.Severity)));
        foreach (var (item, text, severity) in found)
        {
            var finding = new CampaignFinding
            {
                CampaignId = c.Id, InspectionId = inspection.Id, PlaceId = place.Id, CommunityId = place.CommunityId, OrgPath = place.OrgPath, ItemId = item,
                Text = text.Length > 1000 ? text[..1000] : text, Severity = severity, InspectorUserId = userId, CreatedAt = now,
            };
            db.CampaignFindings.Add(finding);
            db.CampaignTasks.Add(new RectificationTask
            {
                FindingId = finding.Id, CampaignId = c.Id, CommunityId = place.CommunityId, OrgPath = place.OrgPath, DueOn = today.AddDays(c.RectifyDays), State = TaskState.Open, CreatedAt = now,
            });
        }
        CampaignFiles.Attach(db, CampaignFiles.InspectionKind, inspection.Id, place.OrgPath, photos, now);
        await db.SaveChangesAsync(ct);
        return new InspectionSaved(inspection.Id, found.Count);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
