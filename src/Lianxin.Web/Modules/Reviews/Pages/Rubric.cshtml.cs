using System.Text.Json;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class RubricInput
{
    public string Name { get; set; } = "";
    public RubricPurpose Purpose { get; set; }
    /// <summary>The sections, items, caps and star thresholds as JSON: the simple editor until the xlsx import lands.</summary>
    public string Definition { get; set; } = "";
}

/// <summary>Shows a rubric version and edits it (a used version is kept; the edit becomes the next version). /reviews/rubrics/new starts from the quarterly template.</summary>
public class RubricModel(LianxinDb db, TimeProvider clock) : ReviewPageModel(db)
{
    static readonly JsonSerializerOptions Pretty = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() }, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty] public RubricInput Input { get; set; } = new();
    public RubricDto? Rubric { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            if (!Db.Scope.CanAnywhere(Permission.ReviewManage)) return Forbid();
            Input = new RubricInput { Name = "新评分细则", Definition = JsonSerializer.Serialize(Demo.DemoReviews.QuarterlyRubric(), Pretty) };
            Show();
            return Page();
        }
        var outcome = await SaveRubric.GetAsync(Db, id.Value, ct);
        if (!outcome.IsOk) return Fail(outcome);
        Rubric = outcome.Value;
        Input = new RubricInput { Name = Rubric!.Name, Purpose = Rubric.Purpose, Definition = JsonSerializer.Serialize(Rubric.Definition, Pretty) };
        Show();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        RubricDefinition? def = null;
        try { def = JsonSerializer.Deserialize<RubricDefinition>(Input.Definition, Pretty); }
        catch (JsonException) { }
        if (id is not null) Rubric = (await SaveRubric.GetAsync(Db, id.Value, ct)).Value;
        Show();
        if (def is null) { ModelState.Clear(); ModelState.AddModelError("Input.Definition", "细则内容格式有误，请检查。"); return Page(); }
        var owner = Rubric?.OwnerUnitId ?? Db.Scope.Grants.Where(g => g.Role.Allows(Permission.ReviewManage)).OrderBy(g => g.OrgPath.Length).Select(g => g.OrgUnitId).FirstOrDefault();
        var request = new RubricRequest { OwnerUnitId = owner, Name = Input.Name, Purpose = Input.Purpose, Definition = def };
        var outcome = id is null ? await SaveRubric.CreateAsync(Db, clock, request, ct) : await SaveRubric.EditAsync(Db, clock, id.Value, request, ct);
        if (!outcome.IsOk) return Fail(outcome);
        TempData["Flash"] = outcome.Value!.NewVersion ? $"该版本已被使用，已另存为第 {outcome.Value.VersionNo} 版。" : "细则已保存。";
        return Redirect($"/reviews/rubrics/{outcome.Value.Id}");
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        var outcome = await SaveRubric.GetAsync(Db, id, ct);
        if (!outcome.IsOk) return NotFound();
        return File(RubricWorkbook.Write(outcome.Value!.Definition), ResultsWorkbook.ContentType, $"{outcome.Value.Name}-v{outcome.Value.VersionNo}.xlsx");
    }

    /// <summary>A new rubric from an .xlsx in the export's layout.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Show();
        ModelState.Clear();
        if (file is null || file.Length == 0) { ModelState.AddModelError("", "请选择 .xlsx 文件。"); return Page(); }
        if (file.Length > 5_000_000) { ModelState.AddModelError("", "文件不能超过 5 MB。"); return Page(); }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var (def, errors) = RubricWorkbook.Read(stream);
        if (def is null) { foreach (var e in errors) ModelState.AddModelError("", e); return Page(); }
        var owner = Db.Scope.Grants.Where(g => g.Role.Allows(Permission.ReviewManage)).OrderBy(g => g.OrgPath.Length).Select(g => g.OrgUnitId).FirstOrDefault();
        var name = string.IsNullOrWhiteSpace(Input.Name) ? Path.GetFileNameWithoutExtension(file.FileName) : Input.Name;
        var outcome = await SaveRubric.CreateAsync(Db, clock, new RubricRequest { OwnerUnitId = owner, Name = name, Purpose = Input.Purpose, Definition = def }, ct);
        if (!outcome.IsOk) return Fail(outcome, "");
        TempData["Flash"] = $"已从 Excel 导入 {def.Items.Count} 个评分项。";
        return Redirect($"/reviews/rubrics/{outcome.Value!.Id}");
    }

    void Show()
    {
        ViewData["Title"] = Rubric?.Name ?? "新建评分细则";
        Crumbs(new Crumb(Rubric is null ? "新建评分细则" : $"{Rubric.Name} v{Rubric.VersionNo}"));
    }
}
