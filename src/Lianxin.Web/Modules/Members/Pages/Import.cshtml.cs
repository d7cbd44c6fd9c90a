using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Members.Pages;

[RequestSizeLimit(50_000_000)]
public class ImportModel(LianxinDb db, PersonalData pd, TimeProvider clock) : MemberPageModel(db)
{
    public ImportResult? Result { get; private set; }

    public IActionResult OnGet() => Db.Scope.CanAnywhere(Permission.MemberManage) ? Page() : Forbid();

    public string Kind { get; private set; } = "members";

    public IActionResult OnGetHouseholdTemplate() => File(ImportHouseholds.Template(), Xlsx.ContentType, "住户导入模板.xlsx");

    public async Task<IActionResult> OnPostHouseholdsAsync(IFormFile? file, CancellationToken ct)
    {
        Kind = "households";
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的 Excel 文件。");
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await ImportHouseholds.HandleAsync(Db, stream, ct);
        if (Stop(outcome) is { } stop) return stop;
        Result = outcome.Value;
        return Page();
    }

    public IActionResult OnGetTemplate() => File(ImportMembers.Template(), Xlsx.ContentType, "党员导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的 Excel 文件。");
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await ImportMembers.HandleAsync(Db, pd, clock, stream, ct);
        if (Stop(outcome) is { } stop) return stop;
        Result = outcome.Value;
        return Page();
    }
}
