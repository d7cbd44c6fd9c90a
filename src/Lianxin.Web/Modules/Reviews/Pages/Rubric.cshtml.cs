using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Contracts;
using System.Text.Json;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>
/// Shows a rubric version and edits it as a form: sections and items as rows (add, remove, reorder), types, scores,
/// caps, veto and star thresholds, checked by <see cref="SaveRubric"/>. A used (frozen) version shows read-only;
/// "另存为新版本" opens the editor and saving makes the next version. /reviews/rubrics starts from the quarterly template;
/// an .xlsx or JSON can be imported.
/// </summary>
public class RubricModel(LianxinDb db, OrgDirectory org, TimeProvider clock, IndicatorCatalog indicators) : ReviewPageModel(db)
{
    static readonly JsonSerializerOptions Pretty = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() }, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty] public RubricForm Input { get; set; } = new();
    /// <summary>The JSON import/edit (advanced): the same content as the form.</summary>
    [BindProperty] public string? Json { get; set; }
    /// <summary>On a frozen version: the editor is open to save a new version.</summary>
    [BindProperty(SupportsGet = true)] public bool Edit { get; set; }
    public RubricDto? Rubric { get; private set; }
    /// <summary>The row to bring into view after an add or move.</summary>
    public string? Focus { get; private set; }
    /// <summary>May the caller change this rubric (ReviewManage where it is owned)? Others, e.g. reviewers, only read it.</summary>
    public bool CanManage { get; private set; } = true;
    public bool ReadOnly => !CanManage || (Rubric is { Frozen: true } && !Edit);
    public double BaseMax => Input.Definition.ToDefinition().BaseMax;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            if (!Db.Scope.CanAnywhere(ReviewPermissions.ReviewManage)) return Forbid();
            Load(new RubricForm { Name = "新评分细则", Purpose = RubricPurpose.Quarterly, Definition = DefinitionForm.From(Demo.DemoReviews.QuarterlyRubric()) });
            Show();
            return Page();
        }
        var outcome = await SaveRubric.GetAsync(Db, id.Value, ct);
        if (!outcome.IsOk) return outcome.ToPage(this, _ => Page());
        Rubric = outcome.Value;
        CanManage = Db.Scope.Can(ReviewPermissions.ReviewManage, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(Db.Rubrics.Where(r => r.Id == id).Select(r => r.OrgPath), ct));
        Load(new RubricForm { Name = Rubric!.Name, Purpose = Rubric.Purpose, Definition = DefinitionForm.From(Rubric.Definition) });
        Show();
        return Page();
    }

    /// <summary>Add, remove or move a row; nothing is saved until 保存.</summary>
    public async Task<IActionResult> OnPostRowAsync(Guid? id, string? op, CancellationToken ct)
    {
        if (await Prepare(id, ct) is { } fail) return fail;
        ModelState.Clear();
        Input.Definition.Normalise();
        var (error, focus) = Input.Definition.Apply(op ?? "");
        if (error is not null) ModelState.AddModelError("", error);
        Focus = focus;
        Json = JsonSerializer.Serialize(Input.Definition.ToDefinition(), Pretty);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (await Prepare(id, ct) is { } fail) return fail;
        ChineseBindingErrors();
        Input.Definition.Normalise();
        foreach (var (k, v) in Input.Definition.Check()) ModelState.AddModelError($"Input.Definition.{k}", v);
        var def = Input.Definition.ToDefinition();
        if (!ModelState.IsValid)
        {
            // Show every problem at once: the definition's own rules as well (SaveRubric checks them again on save).
            foreach (var (k, v) in def.Validate()) ModelState.AddModelError($"Input.Definition.{k}", v);
            if (string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddModelError("Input.Name", "请填写细则名称。");
            return Page();
        }
        return await Save(id, def, ct);
    }

    /// <summary>The same content as JSON (for copying between districts, or tools that write it).</summary>
    public async Task<IActionResult> OnPostJsonAsync(Guid? id, CancellationToken ct)
    {
        if (await Prepare(id, ct) is { } fail) return fail;
        ModelState.Clear();
        RubricDefinition? def = null;
        try { def = JsonSerializer.Deserialize<RubricDefinition>(Json ?? "", Pretty); }
        catch (JsonException) { }
        if (def is null) { ModelState.AddModelError("Json", "细则内容格式有误，请检查 JSON。"); return Page(); }
        return await Save(id, def, ct);
    }

    async Task<IActionResult> Save(Guid? id, RubricDefinition def, CancellationToken ct)
    {
        var owner = Rubric?.OwnerUnitId ?? Db.Scope.Grants.Where(g => g.Role.Allows(ReviewPermissions.ReviewManage)).OrderBy(g => g.OrgPath.Length).Select(g => g.OrgUnitId).FirstOrDefault();
        var request = new RubricRequest { OwnerUnitId = owner, Name = Input.Name, Purpose = Input.Purpose, Definition = def };
        var outcome = id is null ? await SaveRubric.CreateAsync(Db, org, clock, request, ct, indicators) : await SaveRubric.EditAsync(Db, clock, id.Value, request, ct, indicators);
        if (!outcome.IsOk) return outcome.ToPage(this, _ => Page());
        TempData["Flash"] = outcome.Value!.NewVersion ? $"该版本已被使用，已另存为第 {outcome.Value.VersionNo} 版。" : "细则已保存。";
        return Redirect($"/reviews/rubrics/{outcome.Value.Id}");
    }

    /// <summary>Loads the version being edited (for its owner and frozen state) and the page frame; 404/403 as the feature would.</summary>
    async Task<IActionResult?> Prepare(Guid? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var outcome = await SaveRubric.GetAsync(Db, id.Value, ct);
            if (!outcome.IsOk) return outcome.ToPage(this, _ => Page());
            Rubric = outcome.Value;
            var path = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(Db.Rubrics.Where(r => r.Id == id).Select(r => r.OrgPath), ct);
            if (!Db.Scope.Can(ReviewPermissions.ReviewManage, path)) return Forbid();
            if (Rubric!.Frozen) Edit = true; // a post on a used version is always an edit into a new version
        }
        else if (!Db.Scope.CanAnywhere(ReviewPermissions.ReviewManage)) return Forbid();
        Show();
        return null;
    }

    /// <summary>A number field with letters in it: said in Chinese, beside the field.</summary>
    void ChineseBindingErrors()
    {
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            entry!.Errors.Clear();
            ModelState.AddModelError(key, "请填写数字。");
        }
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        var outcome = await SaveRubric.GetAsync(Db, id, ct);
        return outcome.ToPage(this, r => File(RubricWorkbook.Write(r.Definition), ResultsWorkbook.ContentType, $"{r.Name}-v{r.VersionNo}.xlsx"));
    }

    /// <summary>A new rubric from an .xlsx in the export's layout.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Load(new RubricForm { Name = "新评分细则", Definition = DefinitionForm.From(Demo.DemoReviews.QuarterlyRubric()) }, keepName: true);
        Show();
        ModelState.Clear();
        if (file is null || file.Length == 0) { ModelState.AddModelError("", "请选择 .xlsx 文件。"); return Page(); }
        if (file.Length > 5_000_000) { ModelState.AddModelError("", "文件不能超过 5 MB。"); return Page(); }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var (def, errors) = RubricWorkbook.Read(stream);
        if (def is null) { foreach (var e in errors) ModelState.AddModelError("", e); return Page(); }
        var owner = Db.Scope.Grants.Where(g => g.Role.Allows(ReviewPermissions.ReviewManage)).OrderBy(g => g.OrgPath.Length).Select(g => g.OrgUnitId).FirstOrDefault();
        var name = string.IsNullOrWhiteSpace(Input.Name) || Input.Name == "新评分细则" ? Path.GetFileNameWithoutExtension(file.FileName) : Input.Name;
        var outcome = await SaveRubric.CreateAsync(Db, org, clock, new RubricRequest { OwnerUnitId = owner, Name = name, Purpose = Input.Purpose, Definition = def }, ct, indicators);
        if (!outcome.IsOk) return outcome.ToPage(this, _ => Page(), "");
        TempData["Flash"] = $"已从 Excel 导入 {def.Items.Count} 个评分项。";
        return Redirect($"/reviews/rubrics/{outcome.Value!.Id}");
    }

    void Load(RubricForm form, bool keepName = false)
    {
        var name = Input.Name;
        var purpose = Input.Purpose;
        Input = form;
        if (keepName) { Input.Name = name; Input.Purpose = purpose; }
        Json = JsonSerializer.Serialize(form.Definition.ToDefinition(), Pretty);
    }

    void Show()
    {
        ViewData["Title"] = Rubric?.Name ?? "新建评分细则";
        Crumbs(new Crumb(Rubric is null ? "新建评分细则" : $"{Rubric.Name} v{Rubric.VersionNo}"));
    }

    public static string TypeHint(ItemType t) => t switch
    {
        ItemType.Scored => "评委在 0 到满分之间打分，步长 0.5。",
        ItemType.Deduction => "从满分起，每发现一处扣分，最低不低于最低分。",
        ItemType.Bonus => "在基础分之外加分（200+X 的 X），本项不超过本项上限，全部加分不超过加分总上限。",
        _ => "触发时按“一票否决”规则处理总分。",
    };
}
