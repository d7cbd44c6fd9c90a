using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Pledges;

/// <summary>进度清单 with photos: through the page and the API, shown to staff in scope and on the public board of the pledge only.</summary>
[Collection(AppCollection.Name)]
public class PledgePhotosTests(LianxinApp app)
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    Guid Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName).Id);
    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(offset).ToString("yyyy-MM-dd");

    static MultipartFormDataContent Form(Dictionary<string, string> fields, params (string Name, byte[] Data, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (name, data, type) in files)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "photos", name);
        }
        return form;
    }

    async Task<(HttpClient Api, Guid Id, string Title)> PledgeAsync()
    {
        var api = await app.ApiAs("secretary");
        var title = "楼道照明改造" + Guid.NewGuid().ToString("N")[..6];
        var created = await api.PostAsJsonAsync("/api/v1/pledges", new
        {
            orgUnitId = Unit("和平社区党委"), title, owner = "Branch", responsiblePerson = "第一网格党支部 李红", startOn = Day(-5), dueOn = Day(30), tasks = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (api, (await Json(created)).GetProperty("id").GetGuid(), title);
    }

    [Fact]
    public async Task Progress_photos_through_the_API_show_for_staff_in_scope_and_on_the_pledges_own_board()
    {
        var (api, id, title) = await PledgeAsync();
        var heping = Unit("和平社区党委");

        // Bad photos and bad fields: 400 in Chinese, and the progress does not move.
        var fake = await api.PostAsync($"/api/v1/pledges/{id}/progress/photos", Form(new() { ["percent"] = "30", ["note"] = "已更换灯具。", ["version"] = "0" }, ("x.png", "GIF89a nope"u8.ToArray(), "image/png")));
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("只能上传 JPG、PNG 或 WebP 格式的照片", await fake.Content.ReadAsStringAsync());
        var four = await api.PostAsync($"/api/v1/pledges/{id}/progress/photos", Form(new() { ["percent"] = "30", ["note"] = "四张。", ["version"] = "0" },
            ("1.png", Png, "image/png"), ("2.png", Png, "image/png"), ("3.png", Png, "image/png"), ("4.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.BadRequest, four.StatusCode);
        Assert.Contains("最多上传 3 张照片", await four.Content.ReadAsStringAsync());
        var noPercent = await api.PostAsync($"/api/v1/pledges/{id}/progress/photos", Form(new() { ["note"] = "无进度。", ["version"] = "0" }, ("1.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.BadRequest, noPercent.StatusCode);
        Assert.Contains("请填写进度", await noPercent.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.Pledges.First(p => p.Id == id).Progress));
        Assert.Equal(0, app.WithDb(db => db.Files.Count(p => p.OwnerId == id)));

        var ok = await api.PostAsync($"/api/v1/pledges/{id}/progress/photos", Form(new() { ["percent"] = "30", ["note"] = "已更换 1–3 号楼灯具。", ["version"] = "0", ["on"] = Day(0) },
            ("a.png", Png, "image/png"), ("b.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/pledges/{id}");
        Assert.Equal(30, detail.GetProperty("progress").GetInt32());
        var photoIds = detail.GetProperty("updates")[0].GetProperty("photoIds").EnumerateArray().Select(x => x.GetGuid()).ToList();
        Assert.Equal(2, photoIds.Count);
        var staffImg = await api.GetAsync($"/api/v1/files/{photoIds[0]}");
        Assert.Equal("image/png", staffImg.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await staffImg.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/files/{photoIds[0]}")).StatusCode);

        // The public board of 和平社区 (and of its street) shows them; another community's board does not serve them.
        var anon = app.CreateClient();
        var board = await anon.GetFromJsonAsync<JsonElement>($"/api/v1/public/board/{heping}");
        var row = board.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("title").GetString() == title);
        Assert.Equal(2, row.GetProperty("photos").GetArrayLength());
        var publicImg = await anon.GetAsync($"/api/v1/public/board/{heping}/photos/{photoIds[1]}");
        Assert.Equal(HttpStatusCode.OK, publicImg.StatusCode);
        Assert.Equal(Png, await publicImg.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync($"/api/v1/public/board/{Unit("东湖街道党工委")}/photos/{photoIds[1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/public/board/{Unit("幸福社区党委")}/photos/{photoIds[1]}")).StatusCode);
        var html = await anon.GetStringAsync($"/public/board/{heping}");
        Assert.Contains($"/api/v1/public/board/{heping}/photos/{photoIds[0]}", html);
        // A demand's photo is not a board photo, whatever id is tried.
        var demandPhoto = app.WithDb(db => db.Files.Where(p => p.OwnerModule == "demands").Select(p => (Guid?)p.Id).FirstOrDefault());
        if (demandPhoto is { } dp) Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/public/board/{heping}/photos/{dp}")).StatusCode);
    }

    [Fact]
    public async Task Progress_with_photos_on_the_pledge_page_shows_them_and_refuses_a_non_image()
    {
        var (_, id, _) = await PledgeAsync();
        var pages = await app.PagesAs("secretary");
        var html = await pages.GetStringAsync($"/pledges/{id}");
        Assert.Contains("enctype=\"multipart/form-data\"", html);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        MultipartFormDataContent Post(string name, byte[] data) => Form(new()
        {
            ["__RequestVerificationToken"] = token, ["Progress.Percent"] = "50", ["Progress.Note"] = "灯具安装过半。", ["Progress.Version"] = "0",
        }, (name, data, "image/png")) is var f ? Rename(f) : null!;
        // The page's file field is "Photos".
        static MultipartFormDataContent Rename(MultipartFormDataContent f)
        {
            foreach (var part in f.Where(p => p.Headers.ContentDisposition?.Name is "photos" or "\"photos\""))
                part.Headers.ContentDisposition!.Name = "Photos";
            return f;
        }

        var bad = await pages.PostAsync($"/pledges/{id}?handler=Progress", Post("doc.png", "%PDF-1.4 nope"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("只能上传 JPG、PNG 或 WebP 格式的照片", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.Pledges.First(p => p.Id == id).Progress));

        var good = await pages.PostAsync($"/pledges/{id}?handler=Progress", Post("site.png", Png));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var photoId = app.WithDb(db => db.Files.Single(p => p.OwnerId == id).Id);
        var after = await pages.GetStringAsync($"/pledges/{id}");
        Assert.Contains($"/api/v1/files/{photoId}", after);
        Assert.Contains("data-progress-photo", after);
        var img = await pages.GetAsync($"/api/v1/files/{photoId}");
        Assert.Equal(Png, await img.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync($"/api/v1/files/{photoId}")).StatusCode);
    }
}
