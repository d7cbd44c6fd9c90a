using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Members;

[Collection(AppCollection.Name)]
public class MemberExcelTests(LianxinApp app)
{
    static IReadOnlyList<object?> Row(string name, string id, string branch, string joined = "2012-07-01", string full = "2013-07-01", string phone = "13811112222") =>
        [name, id, "汉族", phone, "大学本科", joined, full, "正式党员", branch, "", "", "青禾区教育局", "在职", ""];

    static ByteArrayContent Xlsx(params IReadOnlyList<object?>[] rows)
    {
        var content = new ByteArrayContent(Lianxin.Web.Platform.Excel.Xlsx.Write("导入", ImportMembers.Headers, rows));
        content.Headers.ContentType = new MediaTypeHeaderValue(Lianxin.Web.Platform.Excel.Xlsx.ContentType);
        return content;
    }

    /// <summary>Uploads a workbook (202 with the queued job at its Location), runs the import job's pass and reads the job.</summary>
    async Task<ImportJobView> ImportAsync(HttpClient client, HttpContent content)
    {
        var response = await client.PostAsync("/api/v1/members/import", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<ImportJobView>())!;
        Assert.Equal(ImportJobState.Queued, job.State);
        Assert.Equal($"/api/v1/members/import/{job.Id}", response.Headers.Location!.OriginalString);
        await app.RunJobAsync<ImportJobRunner>();
        job = (await client.GetFromJsonAsync<ImportJobView>(response.Headers.Location!.OriginalString))!;
        Assert.True(job.Finished, $"import job still {job.State} after its pass");
        return job;
    }

    [Fact]
    public async Task Good_rows_are_imported_bad_rows_come_back_with_reasons_and_a_reimport_changes_nothing()
    {
        var units = new MemberRosterTests(app).Units();
        var branch = units.hepingGrid.Name;
        var (a, b, dup) = (MemberRosterTests.NewId(), MemberRosterTests.NewId(), MemberRosterTests.NewId());
        var badCheck = a[..17] + (a[17] == '0' ? "1" : "0");
        var file = new[]
        {
            Row("导入甲", a, branch),
            Row("导入乙", b, units.hepingGrid.Code),
            Row("导入丙", badCheck, branch),
            Row("导入丁", dup, "不存在的支部"),
            Row("导入戊", b, branch),
            Row("导入己", MemberRosterTests.NewId(), branch, joined: "2012-13-45"),
        };
        var secretary = await app.ApiAs("secretary");
        var job = await ImportAsync(secretary, Xlsx(file));
        Assert.Equal(ImportJobState.Done, job.State);
        Assert.Equal((6, 6, 100), (job.TotalRows, job.ProcessedRows, job.Percent));
        Assert.Equal(4, job.Rejected);
        var result = job.Result;
        Assert.Equal(2, result!.Imported);
        Assert.Equal(4, result.Rejected.Count);
        Assert.Contains(result.Rejected, r => r.Row == 4 && r.Reason.Contains("校验位"));
        Assert.Contains(result.Rejected, r => r.Row == 5 && r.Reason.Contains("未知支部"));
        Assert.Contains(result.Rejected, r => r.Row == 6 && r.Reason.Contains("第 3 行"));
        Assert.Contains(result.Rejected, r => r.Row == 7 && r.Reason.Contains("入党日期"));
        Assert.Equal(2, app.WithDb(db => db.Members.Count(m => m.Name.StartsWith("导入"))));
        // Stored as EF stores them: found by exact ID, read back whole, with their history and one audit entry.
        var found = Assert.Single((await secretary.GetFromJsonAsync<MemberPage>($"/api/v1/members?q={a}"))!.Items);
        Assert.Equal(("导入甲", a, MemberCategory.Full, new DateOnly(2012, 7, 1)), (found.Name, found.IdNumber, found.Category, found.JoinedOn));
        var card = await secretary.GetFromJsonAsync<MemberCard>($"/api/v1/members/{found.Id}");
        Assert.Equal(TransferKind.Joined, Assert.Single(card!.Transfers).Kind);
        Assert.Contains(found.Id.ToString(), app.WithDb(db => db.AuditEntries.Where(e => e.EntityId == "import:2").Select(e => e.After).First()));
        var chain = await (await app.ApiAs("admin")).GetStringAsync("/api/v1/audit/verify");
        Assert.Contains("\"intact\":true", chain.Replace(" ", ""));

        // The rejected rows come back as a workbook with the reason in a column.
        var rejects = Lianxin.Web.Platform.Excel.Xlsx.Read(new MemoryStream(Convert.FromBase64String(result.RejectsWorkbook!)));
        Assert.Equal(4, rejects.Count);
        Assert.Equal("导入丙", rejects[0]["姓名"]);
        Assert.Contains("校验位", rejects[0][ImportMembers.ReasonHeader]);

        // The same workbook from its own download link.
        var download = Lianxin.Web.Platform.Excel.Xlsx.Read(new MemoryStream(await secretary.GetByteArrayAsync($"/api/v1/members/import/{job.Id}/rejects.xlsx")));
        Assert.Equal(4, download.Count);

        var again = (await ImportAsync(secretary, Xlsx(file))).Result;
        Assert.Equal(0, again!.Imported);
        Assert.Equal(2, again.Skipped);
        Assert.Equal(2, app.WithDb(db => db.Members.Count(m => m.Name.StartsWith("导入"))));
    }

    [Fact]
    public async Task A_secretary_cannot_import_into_another_communitys_branch()
    {
        var units = new MemberRosterTests(app).Units();
        var neighbour = await app.ApiAs("secretary2");
        var result = (await ImportAsync(neighbour, Xlsx(Row("越界导入", MemberRosterTests.NewId(), units.hepingGrid.Name)))).Result;
        Assert.Equal(0, result!.Imported);
        Assert.Contains("不在您的管辖范围", result.Rejected[0].Reason);
        Assert.False(app.WithDb(db => db.Members.Any(m => m.Name == "越界导入")));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_a_400()
    {
        var secretary = await app.ApiAs("secretary");
        var content = new ByteArrayContent("not excel"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(Lianxin.Web.Platform.Excel.Xlsx.ContentType);
        var jobsBefore = app.WithDb(db => db.ImportJobs.Count());
        var response = await secretary.PostAsync("/api/v1/members/import", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法读取文件", await response.Content.ReadAsStringAsync());
        Assert.Equal(jobsBefore, app.WithDb(db => db.ImportJobs.Count()));
    }

    [Fact]
    public async Task A_workbook_without_the_required_columns_fails_with_the_missing_columns_named_and_stores_nothing()
    {
        var secretary = await app.ApiAs("secretary");
        var content = new ByteArrayContent(Lianxin.Web.Platform.Excel.Xlsx.Write("导入", ["姓名", "备注"], [["缺列导入", "x"]]));
        content.Headers.ContentType = new MediaTypeHeaderValue(Lianxin.Web.Platform.Excel.Xlsx.ContentType);
        var jobsBefore = app.WithDb(db => db.ImportJobs.Count());
        var response = await secretary.PostAsync("/api/v1/members/import", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("缺少列：公民身份号码、入党日期、所在支部", await response.Content.ReadAsStringAsync());
        Assert.Equal(jobsBefore, app.WithDb(db => db.ImportJobs.Count()));
        Assert.False(app.WithDb(db => db.Members.Any(m => m.Name == "缺列导入")));
    }

    [Fact]
    public async Task Another_communitys_secretary_gets_404_on_the_job_and_its_rejects()
    {
        var units = new MemberRosterTests(app).Units();
        var secretary = await app.ApiAs("secretary");
        var job = await ImportAsync(secretary, Xlsx(Row("任务范围甲", MemberRosterTests.NewId(), units.hepingGrid.Name), Row("任务范围乙", "123", units.hepingGrid.Name)));
        Assert.Equal((1, 1), (job.Result!.Imported, job.Rejected));
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/members/import/{job.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/members/import/{job.Id}/rejects.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync($"/members/import?handler=Job&job={job.Id}")).StatusCode);
        // Those above the community see it.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs("admin")).GetAsync($"/api/v1/members/import/{job.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_import_page_uploads_then_shows_progress_and_the_result_with_the_rejects_download()
    {
        var units = new MemberRosterTests(app).Units();
        var client = await app.PagesAs("secretary");
        var html = await client.GetStringAsync("/members/import");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { Xlsx(Row("页面导入甲", MemberRosterTests.NewId(), units.hepingGrid.Name), Row("页面导入乙", "bad", units.hepingGrid.Name)), "file", "名册.xlsx" },
        };
        var response = await client.PostAsync("/members/import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/members/import?job=", page);
        var jobId = page["/members/import?job=".Length..];
        Assert.Contains("名册.xlsx", await client.GetStringAsync(page));

        // Queued: the fragment keeps polling; after the job's pass it shows the result and stops.
        Assert.Contains("hx-trigger=\"every 1s\"", await client.GetStringAsync($"/members/import?handler=Job&job={jobId}"));
        await app.RunJobAsync<ImportJobRunner>();
        var fragment = await client.GetStringAsync($"/members/import?handler=Job&job={jobId}");
        Assert.Contains("已完成", fragment);
        Assert.Contains("已处理 2 / 2 行", fragment);
        Assert.DoesNotContain("hx-trigger", fragment); // polling stops
        Assert.Contains("公民身份号码", fragment); // the reason of the rejected row
        var rejects = Lianxin.Web.Platform.Excel.Xlsx.Read(new MemoryStream(await client.GetByteArrayAsync($"/members/import?handler=Rejects&job={jobId}")));
        Assert.Equal("页面导入乙", Assert.Single(rejects)["姓名"]);
        Assert.True(app.WithDb(db => db.Members.Any(m => m.Name == "页面导入甲")));
    }

    [Fact]
    public async Task The_import_page_names_a_bad_file_in_Chinese_and_creates_no_job()
    {
        var client = await app.PagesAs("secretary");
        var html = await client.GetStringAsync("/members/import");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var jobsBefore = app.WithDb(db => db.ImportJobs.Count());
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("not excel"u8.ToArray()), "file", "坏文件.xlsx" },
        };
        var response = await client.PostAsync("/members/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("无法读取文件，请使用 .xlsx 格式的导入模板。", await response.Content.ReadAsStringAsync());
        Assert.Equal(jobsBefore, app.WithDb(db => db.ImportJobs.Count()));
    }

    [Fact]
    public async Task Instances_racing_for_a_queued_job_run_it_exactly_once()
    {
        var units = new MemberRosterTests(app).Units();
        var rows = Enumerable.Range(0, 7).Select(i => Row($"竞争导入{i}", MemberRosterTests.NewId(), units.hepingGrid.Name)).ToArray();
        var bytes = Lianxin.Web.Platform.Excel.Xlsx.Write("导入", ImportMembers.Headers, rows);
        // Queued straight in the table, as another instance's upload would be.
        var jobId = app.WithDb(db =>
        {
            var user = db.Users.Single(u => u.UserName == "secretary");
            var grant = db.RoleGrants.IgnoreQueryFilters().First(g => g.UserId == user.Id);
            var job = new ImportJob { TenantId = user.TenantId, OrgPath = grant.OrgPath, UserId = user.Id, UserName = "secretary", GrantId = grant.Id,
                FileName = "竞争.xlsx", State = ImportJobState.Queued, TotalRows = 7, File = bytes, CreatedAt = DateTime.UtcNow };
            db.ImportJobs.Add(job);
            db.SaveChanges();
            return job.Id;
        });
        // Three instances' passes at once, plus the app's own: the claim on the job row lets exactly one run it.
        async Task<int> Pass()
        {
            using var scope = app.Services.CreateScope();
            var tenant = scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId;
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            return await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunOnceAsync(tenant, CancellationToken.None);
        }
        async Task<int> HostPass() => (await app.RunJobAsync<ImportJobRunner>()).Sum(r => r.Done!.Value);
        var passes = await Task.WhenAll(Pass(), Pass(), Pass(), HostPass());
        Assert.Equal(1, passes.Sum());

        var job = (await (await app.ApiAs("secretary")).GetFromJsonAsync<ImportJobView>($"/api/v1/members/import/{jobId}"))!;
        // A second run would have found the rows already imported (skipped) or failed on the unique ID index.
        Assert.Equal((ImportJobState.Done, 7, 0), (job.State, job.Result!.Imported, job.Result.Skipped));
        Assert.Equal(7, app.WithDb(db => db.Members.Count(m => m.Name.StartsWith("竞争导入"))));
        Assert.Null(app.WithDb(db => db.ImportJobs.Single(j => j.Id == jobId).File)); // the upload is not kept
    }

    [Fact]
    public async Task An_import_whose_instance_died_is_run_again_by_the_next_pass()
    {
        var units = new MemberRosterTests(app).Units();
        var rows = Enumerable.Range(0, 3).Select(i => Row($"续跑导入{i}", MemberRosterTests.NewId(), units.hepingGrid.Name)).ToArray();
        var bytes = Lianxin.Web.Platform.Excel.Xlsx.Write("导入", ImportMembers.Headers, rows);
        // Left half-done by an instance that stopped beating 11 minutes ago: the idle check must still see it (ADR 0052).
        var jobId = app.WithDb(db =>
        {
            var user = db.Users.Single(u => u.UserName == "secretary");
            var grant = db.RoleGrants.IgnoreQueryFilters().First(g => g.UserId == user.Id);
            var beat = DateTime.UtcNow - ImportJobRunner.Stale - TimeSpan.FromMinutes(1);
            var job = new ImportJob { TenantId = user.TenantId, OrgPath = grant.OrgPath, UserId = user.Id, UserName = "secretary", GrantId = grant.Id,
                FileName = "续跑.xlsx", State = ImportJobState.Importing, TotalRows = 3, File = bytes, CreatedAt = beat, StartedAt = beat, HeartbeatAt = beat };
            db.ImportJobs.Add(job);
            db.SaveChanges();
            return job.Id;
        });
        Assert.Equal(1, (await app.RunJobAsync<ImportJobRunner>()).Sum(r => r.Done));
        Assert.Equal(ImportJobState.Done, app.WithDb(db => db.ImportJobs.Single(j => j.Id == jobId).State));
        Assert.Equal(3, app.WithDb(db => db.Members.Count(m => m.Name.StartsWith("续跑导入"))));
        Assert.All(await app.RunJobAsync<ImportJobRunner>(), r => Assert.True(r.Idle)); // nothing left: the next pass takes no lease
    }

    [Fact]
    public async Task A_large_file_is_imported_whole_in_one_pass_and_a_job_is_claimed_once()
    {
        var units = new MemberRosterTests(app).Units();
        var rows = Enumerable.Range(0, 1200).Select(i => Row($"进度导入{i}", MemberRosterTests.NewId(), units.hepingGrid.Name)).ToArray();
        var secretary = await app.ApiAs("secretary");
        var response = await secretary.PostAsync("/api/v1/members/import", Xlsx(rows));
        var job = (await response.Content.ReadFromJsonAsync<ImportJobView>())!;
        Assert.Equal((1200, 0), (job.TotalRows, job.ProcessedRows));
        await app.RunJobAsync<ImportJobRunner>();
        job = (await secretary.GetFromJsonAsync<ImportJobView>($"/api/v1/members/import/{job.Id}"))!;
        Assert.Equal(ImportJobState.Done, job.State);
        Assert.Equal((1200, 1200, 0, 100), (job.ProcessedRows, job.Result!.Imported, job.Rejected, job.Percent));
        Assert.Equal(1200, app.WithDb(db => db.Members.Count(m => m.Name.StartsWith("进度导入"))));
        // Exactly one audit entry for the import; a finished job is not claimed again by the next pass.
        Assert.Equal(1, app.WithDb(db => db.AuditEntries.Count(e => e.EntityId == "import:1200")));
        Assert.All(await app.RunJobAsync<ImportJobRunner>(), r => Assert.Equal(0, r.Done));
        Assert.Equal(1, app.WithDb(db => db.AuditEntries.Count(e => e.EntityId == "import:1200")));
    }

    [Fact]
    public async Task Export_masks_personal_fields_unless_permitted_and_respects_scope()
    {
        var units = new MemberRosterTests(app).Units();
        var id = MemberRosterTests.NewId();
        var secretary = await app.ApiAs("secretary");
        await secretary.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(units.hepingGrid.Id, "导出测试", id, "13566667777"));

        async Task<List<SheetRow>> Export(HttpClient c) =>
            Lianxin.Web.Platform.Excel.Xlsx.Read(new MemoryStream(await c.GetByteArrayAsync($"/api/v1/members/export?unitId={units.heping.Id}&q=导出测试")));
        var full = await Export(secretary);
        Assert.Equal(id, Assert.Single(full)["公民身份号码"]);
        Assert.Equal("13566667777", full[0]["手机号码"]);
        var masked = await Export(await app.ApiAs("staff"));
        Assert.Equal("135****7777", Assert.Single(masked)["手机号码"]);
        Assert.DoesNotContain(id, masked[0]["公民身份号码"]);

        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/members/export?unitId={units.heping.Id}")).StatusCode);
        var own = Lianxin.Web.Platform.Excel.Xlsx.Read(new MemoryStream(await neighbour.GetByteArrayAsync("/api/v1/members/export?q=导出测试")));
        Assert.Empty(own);
    }

    [Fact]
    public async Task The_import_template_has_dropdowns_text_ID_and_phone_columns_and_a_notes_sheet()
    {
        var units = new MemberRosterTests(app).Units();
        var book = ExcelBook.Open(await (await app.PagesAs("secretary")).GetByteArrayAsync("/members/import?handler=Template"));
        var sheet = book["党员导入模板"];
        sheet.AssertReadsLikeExcel();
        Assert.Equal(ImportMembers.Headers, sheet.Headers);
        // Excel would turn an 18-digit ID into 3.30199199001011E+17: those columns are text before anything is typed.
        Assert.Contains(sheet.Letter("公民身份号码"), sheet.TextColumns);
        Assert.Contains(sheet.Letter("手机号码"), sheet.TextColumns);
        Assert.Equal(["正式党员", "预备党员"], book.Choices(sheet, "党员类别"));
        Assert.Contains("流动党员", book.Choices(sheet, "在职情况"));
        var branches = book.Choices(sheet, "所在支部");
        Assert.Contains(units.hepingGrid.Name, branches);
        Assert.True(book[Lianxin.Web.Platform.Excel.Xlsx.ChoicesSheet].Hidden);
        // The 说明 sheet explains every column, required ones marked.
        var notes = book["说明"];
        var explained = notes.Rows.ToDictionary(r => (string)r[0]!, r => (Required: (string)r[1]!, Note: (string)r[2]!));
        Assert.Equal(ImportMembers.Headers.Order(), explained.Keys.Order());
        Assert.Equal("是", explained["公民身份号码"].Required);
        Assert.Contains("文本", explained["公民身份号码"].Note);

        // The households template too: the compounds the secretary manages as a dropdown, unit and room as text.
        var households = ExcelBook.Open(await (await app.PagesAs("secretary")).GetByteArrayAsync("/members/import?handler=HouseholdTemplate"));
        var rooms = households["住户导入模板"];
        rooms.AssertReadsLikeExcel();
        Assert.Contains(rooms.Letter("房号"), rooms.TextColumns);
        var compound = app.WithDb(db => db.Compounds.Where(c => c.CommunityId == units.heping.Id).Select(c => c.Name).First());
        Assert.Contains(compound, households.Choices(rooms, "小区"));
        Assert.Contains(households["说明"].Rows, r => (string?)r[0] == "居住人数");
    }

    [Fact]
    public async Task Rejected_rows_come_back_as_typed_with_every_error_and_an_ID_Excel_made_a_number_is_explained()
    {
        var units = new MemberRosterTests(app).Units();
        var branch = units.hepingGrid.Name;
        // As Excel saves what people type: dates as date cells, an ID typed into a General column as a number.
        IReadOnlyList<object?>[] file =
        [
            ["类型甲", MemberRosterTests.NewId(), "汉族", "13811112222", "大学本科", new DateOnly(2015, 7, 1), new DateOnly(2016, 7, 1), "正式党员", branch, null, null, null, "在职", null],
            ["类型乙", Lianxin.Web.Platform.Excel.Xlsx.Number(330199199001011000), "汉族", null, null, new DateOnly(2015, 7, 1), null, "预备党员", branch, null, null, null, null, null],
            [null, MemberRosterTests.NewId(), "汉族", "1381111", null, new DateOnly(2015, 7, 1), null, "党员", "没有的支部", null, null, null, null, null],
        ];
        var job = await ImportAsync(await app.ApiAs("secretary"), Xlsx(file));
        Assert.Equal(1, job.Result!.Imported);
        var numbered = job.Result.Rejected.Single(r => r.Row == 3).Reason;
        Assert.Contains("公民身份号码被 Excel 存成了数字", numbered);
        Assert.Contains("“文本”格式", numbered);
        // Every problem of the row, not only the first.
        var many = job.Result.Rejected.Single(r => r.Row == 4).Reason;
        foreach (var why in new[] { "姓名为空", "党员类别应为", "未知支部“没有的支部”", "手机号码应为 11 位数字" }) Assert.Contains(why, many);

        var book = ExcelBook.Open(Convert.FromBase64String(job.Result.RejectsWorkbook!));
        var sheet = book["未导入的行"];
        sheet.AssertReadsLikeExcel();
        var rows = sheet.Rows.ToList();
        Assert.Equal(2, rows.Count);
        // The user's cells as they were: a date stays a date cell (not "42186"), the row number is a number, an empty cell is empty.
        Assert.Equal(new DateTime(2015, 7, 1), sheet.Cell(rows[0], "入党日期"));
        Assert.Contains("y", sheet.Format(sheet.FrozenRows, "入党日期"));
        Assert.Equal(3d, sheet.Cell(rows[0], "行号"));
        Assert.Null(sheet.Cell(rows[0], "手机号码"));
        Assert.Equal("1381111", sheet.Cell(rows[1], "手机号码"));
        Assert.Equal(many, sheet.Cell(rows[1], ImportMembers.ReasonHeader));
        Assert.Contains(sheet.Letter("公民身份号码"), sheet.TextColumns);
        Assert.Contains(branch, book.Choices(sheet, "所在支部"));
    }

    [Fact]
    public async Task The_roster_export_has_date_cells_text_IDs_fitted_columns_and_prints_landscape()
    {
        var units = new MemberRosterTests(app).Units();
        var id = MemberRosterTests.NewId();
        var secretary = await app.ApiAs("secretary");
        await secretary.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(units.hepingGrid.Id, "表格导出", id, "13566667777"));
        var sheet = ExcelBook.Open(await secretary.GetByteArrayAsync($"/api/v1/members/export?unitId={units.heping.Id}&q=表格导出"))["党员名册"];
        sheet.AssertReadsLikeExcel();
        Assert.True(sheet.Landscape); // 17 columns
        var row = Assert.Single(sheet.Rows);
        Assert.IsType<DateTime>(sheet.Cell(row, "出生日期"));
        Assert.IsType<DateTime>(sheet.Cell(row, "入党日期"));
        Assert.Equal("yyyy-mm-dd", sheet.Format(1, "入党日期"));
        Assert.Equal(id, sheet.Cell(row, "公民身份号码"));
        Assert.Contains(sheet.Letter("公民身份号码"), sheet.TextColumns);
        // Fitted: the ID column holds 18 characters; a Chinese header counts double.
        Assert.InRange(sheet.Widths[sheet.Letter("公民身份号码")], 18, 30);
        Assert.True(sheet.Widths[sheet.Letter("所在支部")] >= 2 * units.hepingGrid.Name.Length);
        Assert.True(sheet.Widths[sheet.Letter("性别")] < sheet.Widths[sheet.Letter("所在支部")]);
    }

    [Fact]
    public void Dates_are_read_as_text_or_as_Excel_serials()
    {
        Assert.Equal(new DateOnly(2020, 7, 1), Lianxin.Web.Platform.Excel.Xlsx.Date("2020-07-01"));
        Assert.Equal(new DateOnly(2020, 7, 1), Lianxin.Web.Platform.Excel.Xlsx.Date("2020/7/1"));
        Assert.Equal(new DateOnly(2020, 7, 1), Lianxin.Web.Platform.Excel.Xlsx.Date("44013"));
        Assert.Null(Lianxin.Web.Platform.Excel.Xlsx.Date("2020-13-01"));
    }
}

[Collection(AppCollection.Name)]
public class HouseholdImportTests(LianxinApp app)
{
    [Fact]
    public async Task Households_import_into_known_buildings_in_scope_and_a_reimport_adds_nothing()
    {
        var units = new MemberRosterTests(app).Units();
        var (compound, building, xingfuCompound, xingfuBuilding) = app.WithDb(db =>
        {
            var c = db.Compounds.Where(x => x.CommunityId == units.heping.Id).OrderBy(x => x.Name).First();
            var b = db.Buildings.Where(x => x.CompoundId == c.Id).OrderBy(x => x.Name).First();
            var xc = db.Compounds.Where(x => x.CommunityId == units.xingfu.Id).OrderBy(x => x.Name).First();
            var xb = db.Buildings.Where(x => x.CompoundId == xc.Id).OrderBy(x => x.Name).First();
            return (c.Name, b.Name, xc.Name, xb.Name);
        });
        IReadOnlyList<object?>[] file =
        [
            [compound, building, "3单元", "901", "3"],
            [compound, building, "3单元", "902", ""],
            [compound, building, "3单元", "901", "2"],
            [compound, "99号楼", "1单元", "101", "1"],
            [xingfuCompound, xingfuBuilding, "3单元", "901", "2"],
            [compound, building, "3单元", "903", "很多"],
        ];
        var content = () =>
        {
            var c = new ByteArrayContent(Lianxin.Web.Platform.Excel.Xlsx.Write("住户", ImportHouseholds.Headers, file));
            c.Headers.ContentType = new MediaTypeHeaderValue(Lianxin.Web.Platform.Excel.Xlsx.ContentType);
            return c;
        };
        var secretary = await app.ApiAs("secretary");
        var result = await (await secretary.PostAsync("/api/v1/members/households/import", content())).Content.ReadFromJsonAsync<ImportResult>();
        Assert.Equal(2, result!.Imported);
        Assert.Equal([4, 5, 6, 7], result.Rejected.Select(r => r.Row).Order());
        Assert.Contains(result.Rejected, r => r.Row == 6 && r.Reason.Contains("不在您的管辖范围"));
        var again = await (await secretary.PostAsync("/api/v1/members/households/import", content())).Content.ReadFromJsonAsync<ImportResult>();
        Assert.Equal((0, 2), (again!.Imported, again.Skipped));
        Assert.Equal(2, app.WithDb(db => db.Households.Count(h => h.Unit == "3单元" && (h.Room == "901" || h.Room == "902"))));
    }
}
