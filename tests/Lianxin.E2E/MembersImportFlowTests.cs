using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class MembersImportFlowTests(BrowserApp app)
{
    string HepingGridBranch()
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var heping = db.OrgUnits.Where(u => u.Kind == OrgKind.Community).AsEnumerable().First(u => u.Name.Contains("和平"));
        return db.OrgUnits.Where(u => u.ParentId == heping.Id && u.BranchKind == BranchKind.Grid).OrderBy(u => u.SortOrder).First().Name;
    }

    [Fact]
    public async Task A_secretary_uploads_a_large_file_on_a_phone_and_watches_it_run_to_the_result()
    {
        var branch = HepingGridBranch();
        var rows = Enumerable.Range(0, 3000).Select(i => (IReadOnlyList<object?>)[
            $"浏览器导入{i}", i % 500 == 7 ? "110101199001011234" : CitizenId.Make("330299", new DateOnly(1950 + i % 40, 1 + i % 12, 1 + i % 28), i % 1000),
            "汉族", "", "大学本科", "2012-07-01", "2013-07-01", "正式党员", branch, "", "", "", "离退休", ""]).ToList();
        var folder = Directory.CreateTempSubdirectory("lianxin-import-").FullName;
        var file = Path.Combine(folder, "党员名册.xlsx");
        await File.WriteAllBytesAsync(file, Xlsx.Write("导入", ImportMembers.Headers, rows));

        var page = await app.PageAs("secretary", phone: true);
        await page.GotoAsync("/members/import");
        await page.GetByLabel("选择文件（.xlsx）").First.SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "开始导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-job")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#import-count")).ToContainTextAsync("/ 3000 行");
        await BrowserApp.Shot(page, "members-import-running-phone");
        await Assertions.Expect(page.Locator("#import-state")).ToHaveTextAsync("已完成", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#import-count")).ToHaveTextAsync("已处理 3000 / 3000 行");
        await Assertions.Expect(page.Locator("#import-imported")).ToHaveTextAsync("2994");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "下载未导入的行（含原因）" })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await BrowserApp.Shot(page, "members-import-done-phone");
        Assert.False(overflow, "the import page scrolls sideways at phone width");
        Directory.Delete(folder, recursive: true);
    }
}
