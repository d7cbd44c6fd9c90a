using Lianxin.Web.Platform.Localization;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Modules.Reviews.Data;
using System.Globalization;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class ItemInput
{
    public string Code { get; set; } = "";
    public string? Value { get; set; }
    public string? Note { get; set; }
}

public class ScoreInput
{
    public List<ItemInput> Items { get; set; } = [];
    public string? Comment { get; set; }
    public int Version { get; set; }
    public bool Submit { get; set; }
    /// <summary>Ids of this sheet's photos ticked for removal.</summary>
    public List<Guid> RemovePhotos { get; set; } = [];
}

/// <summary>The scoring page: phone first, one card per section, big inputs; save as draft or submit.</summary>
public class ScoreModel(LianxinDb db, TimeProvider clock, IndicatorCatalog indicators) : ReviewPageModel(db)
{
    [BindProperty] public ScoreInput Input { get; set; } = new();
    public SheetDto Sheet { get; private set; } = null!;
    /// <summary>Findings recorded at this unit in this round, with their photos.</summary>
    public List<Finding> Findings { get; private set; } = [];
    public List<PhotoRef> FindingPhotos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await ScoreSheets.GetAsync(Db, clock, id, ct, indicators);
        if (!outcome.IsOk) return outcome.ToPage(this, _ => Page());
        await ShowAsync(outcome.Value!, ct);
        Input = new ScoreInput
        {
            Version = Sheet.Version, Comment = Sheet.Comment,
            Items = Sheet.Rubric.Items.Select(i => new ItemInput
            {
                Code = i.Code,
                Value = Sheet.Entries.TryGetValue(i.Code, out var e) ? e.Value.ToString(CultureInfo.InvariantCulture) : i.Type == ItemType.Veto ? "0" : null,
                Note = e?.Note,
            }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var errors = new Errors();
        var entries = new Dictionary<string, ItemEntry>();
        foreach (var i in Input.Items.Where(i => !string.IsNullOrWhiteSpace(i.Value)))
        {
            if (double.TryParse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) entries[i.Code] = new ItemEntry(v, i.Note);
            else errors.Fail($"Entries.{i.Code}", "请填写数字。");
        }
        // Photos per item come as file fields photo_<code>; each set is checked (count, size, real image) before anything is saved.
        var add = new Dictionary<string, List<Upload>>();
        foreach (var code in Input.Items.Select(i => i.Code).Distinct())
        {
            var files = Request.HasFormContentType ? Request.Form.Files.GetFiles($"photo_{code}") : [];
            if (files.Count == 0) continue;
            var (photos, photoErrors) = await PhotoUpload.ReadAsync(files, ct, $"Photos.{code}");
            foreach (var (k, v) in photoErrors) errors.Fail(k, v[0]);
            add[code] = photos;
        }
        var outcome = errors.Any
            ? (Outcome<SheetRow>)Failure.Invalid(errors)
            : await ScoreSheets.SaveAsync(Db, clock, id, new SaveSheetRequest { Entries = entries, Comment = Input.Comment, Version = Input.Version, Submit = Input.Submit }, ct,
                new SheetPhotoChanges(add, Input.RemovePhotos), indicators);
        if (outcome.IsOk)
        {
            TempData["Flash"] = Input.Submit ? "评分已提交。" : "草稿已保存。";
            return Redirect(Input.Submit ? "/reviews/sheets" : $"/reviews/sheets/{id}");
        }
        var again = await ScoreSheets.GetAsync(Db, clock, id, ct, indicators);
        if (!again.IsOk) return again.ToPage(this, _ => Page());
        await ShowAsync(again.Value!, ct);
        return outcome.ToPage(this, _ => Page());
    }

    /// <summary>A problem seen on site becomes a rectification for the unit.</summary>
    public async Task<IActionResult> OnPostFindingAsync(Guid id, string? itemCode, string? description, string? owner, DateTime? deadline, CancellationToken ct)
    {
        var sheet = await ScoreSheets.GetAsync(Db, clock, id, ct, indicators);
        if (!sheet.IsOk) return sheet.ToPage(this, _ => Page());
        // The date a person picks is a local (Asia/Shanghai) day: due at its end.
        DateTime? due = deadline is { } d ? DateTime.SpecifyKind(d.Date.AddDays(1).AddHours(-8), DateTimeKind.Utc) : null;
        var (photos, photoErrors) = await PhotoUpload.ReadAsync(Request.HasFormContentType ? Request.Form.Files.GetFiles("findingPhotos") : [], ct);
        var outcome = photoErrors.Any
            ? (Outcome<RectificationRow>)Failure.Invalid(photoErrors)
            : await Features.Rectifications.AddFindingAsync(Db, clock, sheet.Value!.RoundId,
                new FindingRequest { UnitId = sheet.Value.UnitId, ItemCode = itemCode, Description = description ?? "", Owner = owner ?? "", Deadline = due }, ct, photos);
        if (outcome.IsOk)
        {
            TempData["Flash"] = "问题已记录，已生成整改任务。";
            return Redirect($"/reviews/sheets/{id}");
        }
        await OnGetAsync(id, ct);
        return outcome.ToPage(this, _ => Page(), "Finding");
    }

    async Task ShowAsync(SheetDto sheet, CancellationToken ct)
    {
        Sheet = sheet;
        Findings = await Db.Findings.AsNoTracking().Where(f => f.RoundId == sheet.RoundId && f.UnitId == sheet.UnitId).OrderBy(f => f.At).ToListAsync(ct);
        FindingPhotos = await ReviewPhotos.OfFindingsAsync(Db, Findings.Select(f => f.Id).ToList(), ct);
        ViewData["Title"] = string.Format(Text.Of("评分：{0}"), sheet.UnitName);
        Crumbs(new Crumb("我的评分", "/reviews/sheets"), new Crumb(sheet.UnitName));
    }

    public string? PhotoErrorFor(string code) =>
        ModelState.TryGetValue($"Input.Photos.{code}", out var s) && s.Errors.Count > 0 ? s.Errors[0].ErrorMessage : null;

    public string? ErrorFor(string code) =>
        ModelState.TryGetValue($"Input.Entries.{code}", out var s) && s.Errors.Count > 0 ? s.Errors[0].ErrorMessage : null;

    public static string TypeName(ItemType t) => t switch
    {
        ItemType.Scored => "评分项",
        ItemType.Deduction => "扣分项",
        ItemType.Bonus => "加分项",
        _ => "一票否决",
    };
}
