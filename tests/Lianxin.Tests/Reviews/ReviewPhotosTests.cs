using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Tests.Reviews;

/// <summary>Photos per item and per finding: checked on the way in (nothing saved when one is bad), served only within scope.</summary>
[Collection(AppCollection.Name)]
public class ReviewPhotosTests(LianxinApp app)
{
    /// <summary>A real 8×8 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=");

    /// <summary>An open round at 东湖街道 on a fresh community, scored by the demo reviewer; returns the round, the sheet and the unit.</summary>
    async Task<(Guid RoundId, Guid SheetId, Guid UnitId)> OpenRound()
    {
        var street = await app.ApiAs("street");
        var streetId = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id);
        var reviewerId = app.WithDb(db => db.Users.First(u => u.UserName == "reviewer").Id);
        var rubricId = app.WithDb(db => db.Rubrics.First(r => r.Name == "社区党建季度观摩考评细则").Id);
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = (await (await street.PostAsJsonAsync("/api/v1/org/units", new { parentId = streetId, kind = "Community", branchKind = "None", name = $"照片{tag}社区", shortName = $"照片{tag}社区" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new { ownerUnitId = streetId, name = $"照片测试{tag}", rubricId, units = new[] { new { unitId = unit } }, panel = new[] { new { userId = reviewerId } } });
        var roundId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/open", new { version = 0 })).StatusCode);
        return (roundId, app.WithDb(db => db.ScoreSheets.First(s => s.RoundId == roundId).Id), unit);
    }

    static MultipartFormDataContent Files(params (byte[] Data, string Name)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (data, name) in files)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "photos", name);
        }
        return form;
    }

    int PhotoCount(Guid sheetId) => app.WithDb(db => db.Files.Count(p => p.OwnerId == sheetId));

    [Fact]
    public async Task A_reviewer_attaches_photos_to_an_item_through_the_api_and_bad_files_are_refused_with_nothing_saved()
    {
        var (_, sheetId, _) = await OpenRound();
        var reviewer = await app.ApiAs("reviewer");
        var url = $"/api/v1/reviews/sheets/{sheetId}/items/A1/photos";

        var text = await reviewer.PostAsync(url, Files(("这不是照片"u8.ToArray(), "现场.jpg")));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("不是图片，只能上传 JPG、PNG 或 WebP", await text.Content.ReadAsStringAsync());

        // Oversize, even with a PNG header; and a good photo in the same request is not kept either.
        var big = new byte[5 * 1024 * 1024 + 1];
        Png.CopyTo(big, 0);
        var oversize = await reviewer.PostAsync(url, Files((Png, "好的.png"), (big, "太大.png")));
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains("超过 5 MB", await oversize.Content.ReadAsStringAsync());
        Assert.Equal(0, PhotoCount(sheetId));

        var notMultipart = await reviewer.PostAsJsonAsync(url, new { photos = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);

        var ok = await reviewer.PostAsync(url, Files((Png, "一.png"), (Png, "二.png")));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var photos = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, photos.GetArrayLength());
        Assert.All(photos.EnumerateArray(), p => Assert.Equal("A1", p.GetProperty("itemCode").GetString()));

        // A third is fine, a fourth is one too many: a clear 400 and still three.
        var tooMany = await reviewer.PostAsync(url, Files((Png, "三.png"), (Png, "四.png")));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("最多 3 张照片，已有 2 张", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(2, PhotoCount(sheetId));
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsync($"/api/v1/reviews/sheets/{sheetId}/items/NOPE/photos", Files((Png, "x.png")))).StatusCode);

        // The sheet lists them, and the file comes back as it went in.
        var sheet = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/sheets/{sheetId}");
        var first = sheet.GetProperty("photos")[0];
        var file = await reviewer.GetAsync(first.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync());

        // Removed by the reviewer while the sheet is a draft; another reviewer's attempt is not even found.
        var id = first.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync($"/api/v1/reviews/photos/{id}")).StatusCode);
        Assert.Equal(1, PhotoCount(sheetId));
    }

    [Fact]
    public async Task A_photo_is_served_only_inside_scope_and_to_the_rounds_people()
    {
        var (roundId, sheetId, unitId) = await OpenRound();
        var reviewer = await app.ApiAs("reviewer");
        var created = await reviewer.PostAsync($"/api/v1/reviews/sheets/{sheetId}/items/B1/photos", Files((Png, "b1.png")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("url").GetString()!;

        // The coordinator sees it (cookie too, as the pages load it); people of other communities do not even learn it exists.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs("street")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAs("street")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsync($"/api/v1/reviews/sheets/{sheetId}/items/B1/photos", Files((Png, "x.png")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).DeleteAsync($"/api/v1/reviews/photos/{url.Split('/')[^1]}")).StatusCode);
        Assert.Equal(1, PhotoCount(sheetId));

        // A finding's photo: the API adds it, and it is shown with the rectification.
        var street = await app.ApiAs("street");
        var finding = await reviewer.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/findings",
            new { unitId, description = "宣传栏破损", owner = "社区书记", deadline = DateTime.UtcNow.AddDays(10) });
        Assert.Equal(HttpStatusCode.Created, finding.StatusCode);
        var findingId = (await finding.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findingId").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsync($"/api/v1/reviews/findings/{findingId}/photos", Files(("%PDF-1.4"u8.ToArray(), "报告.pdf")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.PostAsync($"/api/v1/reviews/findings/{findingId}/photos", Files((Png, "f.png")))).StatusCode);
        var listed = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/findings/{findingId}/photos");
        var findingPhoto = listed[0].GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync(findingPhoto)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync(findingPhoto)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/reviews/findings/{findingId}/photos")).StatusCode);
        Assert.Contains(findingPhoto, await (await app.PagesAs("street")).GetStringAsync("/reviews/rectifications"));
    }

    static async Task<HttpResponseMessage> PostMultipart(HttpClient client, string url, Dictionary<string, string> fields, params (string Field, byte[] Data, string Name)[] files)
    {
        var html = await client.GetStringAsync(url.Split('?')[0]);
        var form = new MultipartFormDataContent
        {
            { new StringContent(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" },
        };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (field, data, name) in files) form.Add(new ByteArrayContent(data), field, name);
        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task On_the_score_page_photos_save_with_the_scores_and_a_bad_photo_saves_nothing()
    {
        var (roundId, sheetId, _) = await OpenRound();
        var reviewer = await app.PagesAs("reviewer");
        var url = $"/reviews/sheets/{sheetId}";
        var page = await reviewer.GetStringAsync(url);
        Assert.Contains("enctype=\"multipart/form-data\"", page);
        Assert.Contains("name=\"photo_A1\"", page);
        Dictionary<string, string> Fields(string a1) => new()
        {
            ["Input.Version"] = app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).Version).ToString(),
            ["Input.Items[0].Code"] = "A1", ["Input.Items[0].Value"] = a1, ["Input.Submit"] = "false",
        };

        var bad = await PostMultipart(reviewer, url, Fields("12"), ("photo_A1", "<html>"u8.ToArray(), "假照片.png"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("照片未能上传，评分也未保存", html);
        Assert.Contains("不是图片", html);
        Assert.Equal(0, PhotoCount(sheetId));
        Assert.DoesNotContain("A1", app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).EntriesJson));

        var ok = await PostMultipart(reviewer, url, Fields("12"), ("photo_A1", Png, "一.png"), ("photo_A1", Png, "二.png"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(2, PhotoCount(sheetId));
        Assert.Equal(12, app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).Entries["A1"].Value));
        page = await reviewer.GetStringAsync(url);
        Assert.Equal(2, Regex.Matches(page, "<img src=\"/api/v1/files/[0-9a-f-]+/thumbnail\"").Count);

        // Two more make four: refused, the scores of that post are not saved either.
        var four = await PostMultipart(reviewer, url, Fields("13"), ("photo_A1", Png, "三.png"), ("photo_A1", Png, "四.png"));
        Assert.Equal(HttpStatusCode.OK, four.StatusCode);
        Assert.Contains("最多 3 张照片，已有 2 张", await four.Content.ReadAsStringAsync());
        Assert.Equal(2, PhotoCount(sheetId));
        Assert.Equal(12, app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).Entries["A1"].Value));

        // Ticking 删除 removes one with the next save.
        var oneId = app.WithDb(db => db.Files.First(p => p.OwnerId == sheetId).Id);
        var fields = Fields("12");
        fields["Input.RemovePhotos"] = oneId.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await PostMultipart(reviewer, url, fields)).StatusCode);
        Assert.Equal(1, PhotoCount(sheetId));

        // A finding with a photo from the same page; a non-image is refused and no finding is recorded.
        var findingFields = new Dictionary<string, string> { ["description"] = "活动室堆放杂物", ["owner"] = "社区书记", ["deadline"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd") };
        var badFinding = await PostMultipart(reviewer, url + "?handler=finding", findingFields, ("findingPhotos", "GIF89a"u8.ToArray(), "动图.gif"));
        Assert.Equal(HttpStatusCode.OK, badFinding.StatusCode);
        Assert.Contains("不是图片", await badFinding.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Findings.Any(f => f.RoundId == roundId)));
        var goodFinding = await PostMultipart(reviewer, url + "?handler=finding", findingFields, ("findingPhotos", Png, "杂物.png"));
        Assert.Equal(HttpStatusCode.Redirect, goodFinding.StatusCode);
        var findingId = app.WithDb(db => db.Findings.Single(f => f.RoundId == roundId).Id);
        var photoId = app.WithDb(db => db.Files.Single(p => p.OwnerId == findingId).Id);
        Assert.Contains($"/api/v1/files/{photoId}", await reviewer.GetStringAsync(url));

        // After submitting and publishing, the result page shows the unit's photos.
        var submit = Fields("12");
        submit["Input.Submit"] = "true";
        foreach (var (code, i) in new[] { "A1", "A3", "B1", "B2", "B3", "C1", "C2" }.Select((c, i) => (c, i)))
        {
            submit[$"Input.Items[{i}].Code"] = code;
            submit[$"Input.Items[{i}].Value"] = "5";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostMultipart(reviewer, url, submit)).StatusCode);
        var street = await app.ApiAs("street");
        foreach (var verb in new[] { "close", "publish" })
        {
            var v = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}")).GetProperty("version").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/{verb}", new { version = v })).StatusCode);
        }
        var results = await reviewer.GetStringAsync($"/reviews/rounds/{roundId}/results");
        Assert.Contains("现场照片", results);
        Assert.Contains($"/api/v1/files/{photoId}", results);
        Assert.Equal(SheetState.Submitted, app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).State));
    }
}
