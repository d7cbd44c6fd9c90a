using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.OrgLife.Domain;

namespace Lianxin.Tests.OrgLife;

[Collection(AppCollection.Name)]
public class MeetingPhotosTests(LianxinApp app)
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=");

    static MultipartFormDataContent Photos(params (string Name, byte[] Data)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, data) in files)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, "photos", name);
        }
        return form;
    }

    [Fact]
    public async Task A_secretary_adds_photos_to_a_meeting_they_are_shown_on_its_page_and_another_community_gets_404()
    {
        var branch = app.NewBranch("照片支部");
        var meeting = app.WithDb(db => db.Meeting(branch, MeetingKind.PartyDay, new DateOnly(2026, 3, 14)));
        var api = await app.ApiAs("secretary");

        var notPicture = await api.PostAsync($"/api/v1/orglife/meetings/{meeting.Id}/photos", Photos(("minutes.png", "会议记录"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, notPicture.StatusCode);
        Assert.Contains("不是图片", await notPicture.Content.ReadAsStringAsync());

        var saved = await api.PostAsync($"/api/v1/orglife/meetings/{meeting.Id}/photos", Photos(("room.png", Png), ("board.png", Png)));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var ids = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(x => x.GetGuid()).ToList();
        Assert.Equal(2, ids.Count);
        var thumbnail = await api.GetAsync($"/api/v1/files/{ids[0]}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);

        var page = await (await app.PagesAs("secretary")).GetStringAsync($"/orglife/meetings/{meeting.Id}");
        Assert.Contains($"/api/v1/files/{ids[1]}/thumbnail", page);

        var other = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/orglife/meetings/{meeting.Id}/photos", Photos(("x.png", Png)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/files/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync($"/orglife/meetings/{meeting.Id}")).StatusCode);

        var more = await api.PostAsync($"/api/v1/orglife/meetings/{meeting.Id}/photos", Photos(Enumerable.Range(0, 3).Select(i => ($"{i}.png", Png)).ToArray()));
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var full = await api.PostAsync($"/api/v1/orglife/meetings/{meeting.Id}/photos", Photos(Enumerable.Range(0, 3).Select(i => ($"{i}.png", Png)).ToArray()));
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        var over = await api.PostAsync($"/api/v1/orglife/meetings/{meeting.Id}/photos", Photos(("one.png", Png), ("two.png", Png)));
        Assert.Contains("每场会议最多保存 9 张照片，已有 8 张。", await over.Content.ReadAsStringAsync());
    }
}
