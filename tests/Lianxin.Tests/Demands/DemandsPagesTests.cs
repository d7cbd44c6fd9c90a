using System.Net;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.Demands;

[Collection(AppCollection.Name)]
public class DemandsPagesTests(LianxinApp app)
{
    (Guid Community, Guid Category, Guid Compound) Place() => app.WithDb(db =>
    {
        var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var category = db.DemandCategories.First(c => c.StreetId == community.ParentId && c.Name == "设施维修");
        var compound = db.Compounds.First(c => c.CommunityId == community.Id && c.BranchId == null);
        return (community.Id, category.Id, compound.Id);
    });

    static string Token(string html) => Regex.Match(html, "name=\"FormToken\" value=\"([^\"]+)\"").Groups[1].Value;
    static string Antiforgery(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task A_resident_files_on_the_public_page_without_signing_in_and_a_double_submit_files_once()
    {
        var (community, category, compound) = Place();
        var anon = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var html = await anon.GetStringAsync($"/public/demands/new?community={community}");
        Assert.Contains("设施维修", html);
        Assert.Contains("name=\"Website\"", html);
        var marker = Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string> Fields() => new()
        {
            ["__RequestVerificationToken"] = Antiforgery(html), ["FormToken"] = Token(html), ["Input.CommunityId"] = community.ToString(),
            ["Input.CategoryId"] = category.ToString(), ["Input.Description"] = "楼道灯不亮，老人上下楼不方便。" + marker,
            ["Input.CompoundId"] = compound.ToString(), ["Input.ContactName"] = "刘阿姨", ["Input.ContactPhone"] = "13566667777",
        };
        var first = await anon.PostAsync("/public/demands/new", new FormUrlEncodedContent(Fields()));
        var second = await anon.PostAsync("/public/demands/new", new FormUrlEncodedContent(Fields()));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));
        var ticket = app.WithDb(db => db.Demands.First(d => d.Description.EndsWith(marker)).TicketNo);
        Assert.Contains(ticket, first.Headers.Location!.ToString());
        Assert.Contains(ticket, await anon.GetStringAsync(first.Headers.Location!.ToString()));
    }

    [Fact]
    public async Task The_public_form_explains_mistakes_and_a_robot_filling_the_honeypot_files_nothing()
    {
        var (community, category, _) = Place();
        var anon = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var url = $"/public/demands/new?community={community}";
        var bad = await LianxinApp.PostFormAsync(anon, "/public/demands/new", new()
        {
            ["FormToken"] = Guid.NewGuid().ToString("N"), ["Input.CommunityId"] = community.ToString(), ["Input.CategoryId"] = category.ToString(),
            ["Input.Description"] = "短", ["Input.ContactName"] = "", ["Input.ContactPhone"] = "abc",
        }, url);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请描述您的诉求（至少 5 个字）。", body);
        Assert.Contains("联系电话格式不正确", body);
        Assert.Contains("请选择小区或填写地点。", body);

        var marker = Guid.NewGuid().ToString("N")[..8];
        var robot = await LianxinApp.PostFormAsync(anon, "/public/demands/new", new()
        {
            ["FormToken"] = Guid.NewGuid().ToString("N"), ["Input.CommunityId"] = community.ToString(), ["Input.CategoryId"] = category.ToString(),
            ["Input.Description"] = "机器人提交的广告内容" + marker, ["Input.Address"] = "某处", ["Input.ContactName"] = "广告", ["Input.ContactPhone"] = "13500000000",
            ["Website"] = "http://spam.example",
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, robot.StatusCode);
        Assert.Equal(0, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));
    }

    [Fact]
    public async Task The_public_tracking_page_shows_progress_and_no_personal_data()
    {
        var (community, category, compound) = Place();
        var anon = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var html = await anon.GetStringAsync($"/public/demands/new?community={community}");
        var post = await anon.PostAsync("/public/demands/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(html), ["FormToken"] = Token(html), ["Input.CommunityId"] = community.ToString(),
            ["Input.CategoryId"] = category.ToString(), ["Input.Description"] = "健身器材损坏，孩子玩耍有危险。", ["Input.CompoundId"] = compound.ToString(),
            ["Input.ContactName"] = "司马长风", ["Input.ContactPhone"] = "13712348888",
        }));
        var ticket = Regex.Match(post.Headers.Location!.ToString(), "ticket=([A-Z0-9]+)").Groups[1].Value;

        var miss = await LianxinApp.PostFormAsync(anon, "/public/demands/track", new() { ["Ticket"] = ticket, ["PhoneTail"] = "0000" });
        Assert.Contains("未找到该诉求", await miss.Content.ReadAsStringAsync());
        var hit = await LianxinApp.PostFormAsync(anon, "/public/demands/track", new() { ["Ticket"] = ticket, ["PhoneTail"] = "8888" });
        var body = await hit.Content.ReadAsStringAsync();
        Assert.Contains("待受理", body);
        Assert.Contains("健身器材损坏", body);
        Assert.DoesNotContain("司马长风", body);
        Assert.DoesNotContain("13712348888", body);
    }

    [Fact]
    public async Task A_demand_resolved_and_awaiting_the_rating_is_not_shown_in_the_red_of_late()
    {
        var (ticket, tail) = app.WithDb(db => db.Demands.Where(d => d.State == DemandState.Resolved && d.PhoneTail != "")
            .Select(d => new { d.TicketNo, d.PhoneTail }).AsEnumerable().Select(d => (d.TicketNo, d.PhoneTail)).First());
        var anon = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var body = await (await LianxinApp.PostFormAsync(anon, "/public/demands/track", new() { ["Ticket"] = ticket, ["PhoneTail"] = tail })).Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"badge text-bg-info fs-6\" data-state>已办结待评价</span>", body);
    }

    [Fact]
    public async Task Staff_see_their_demands_listed_and_act_from_the_detail_page()
    {
        var (community, category, compound) = Place();
        // The newest, so it is on the list's first page whatever other tests have filed (the list is newest first).
        var id = app.WithDb(db => db.Demands.Where(d => d.CommunityId == community && d.State == DemandState.Submitted && d.Level == DemandLevel.Community)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).First().Id);
        var secretary = await app.PagesAs("secretary");
        var list = await secretary.GetStringAsync("/demands?state=Submitted");
        Assert.Contains($"/demands/{id}", list);
        var neighbour = await app.PagesAs("secretary2");
        Assert.DoesNotContain($"/demands/{id}", await neighbour.GetStringAsync("/demands"));
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/demands/{id}")).StatusCode);

        var detail = await secretary.GetStringAsync($"/demands/{id}");
        Assert.Contains("受理", detail);
        Assert.Contains("上报", detail);
        var version = app.WithDb(db => db.Demands.First(d => d.Id == id).Version);
        var noNote = await LianxinApp.PostFormAsync(secretary, $"/demands/{id}?handler=Step", new() { ["Step.Action"] = "Return", ["Step.Version"] = version.ToString() }, $"/demands/{id}");
        Assert.Contains("请填写退回理由。", await noNote.Content.ReadAsStringAsync());
        var stale = await LianxinApp.PostFormAsync(secretary, $"/demands/{id}?handler=Step", new() { ["Step.Action"] = "Accept", ["Step.Version"] = (version + 5).ToString() }, $"/demands/{id}");
        Assert.Contains("该记录已被他人修改，请刷新后重试。", await stale.Content.ReadAsStringAsync());
        var ok = await LianxinApp.PostFormAsync(secretary, $"/demands/{id}?handler=Step", new() { ["Step.Action"] = "Accept", ["Step.Version"] = version.ToString() }, $"/demands/{id}");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(DemandState.Accepted, app.WithDb(db => db.Demands.First(d => d.Id == id).State));

        var figures = await secretary.GetStringAsync("/demands/figures");
        Assert.Contains("满意率", figures);
    }

    [Fact]
    public async Task Staff_record_a_phoned_in_demand_once_even_when_the_form_is_sent_twice()
    {
        var (community, category, compound) = Place();
        var staff = await app.PagesAs("staff");
        var html = await staff.GetStringAsync("/demands/new");
        Assert.Contains("设施维修", html);
        var marker = Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string> Fields() => new()
        {
            ["__RequestVerificationToken"] = Antiforgery(html), ["FormToken"] = Token(html), ["Input.CommunityId"] = community.ToString(),
            ["Input.CategoryId"] = category.ToString(), ["Input.Source"] = "Phone", ["Input.Description"] = "电话反映：地下车库积水。" + marker,
            ["Input.CompoundId"] = compound.ToString(), ["Input.ContactName"] = "钱先生", ["Input.ContactPhone"] = "13600001111",
        };
        var first = await staff.PostAsync("/demands/new", new FormUrlEncodedContent(Fields()));
        var second = await staff.PostAsync("/demands/new", new FormUrlEncodedContent(Fields()));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var saved = app.WithDb(db => db.Demands.Where(d => d.Description.EndsWith(marker)).ToList());
        Assert.Single(saved);
        Assert.Equal(DemandSource.Phone, saved[0].Source);
        // The neighbour's staff page offers only their own community.
        Assert.DoesNotContain(community.ToString(), await (await app.PagesAs("secretary2")).GetStringAsync("/demands/new"));
    }

    [Fact]
    public async Task A_grid_leader_records_a_visit_in_a_compound_of_their_grid_and_is_told_to_pick_one()
    {
        var (community, category, _) = Place();
        var grid = await app.PagesAs("grid");
        var html = await grid.GetStringAsync("/demands/new");
        Assert.Contains(community.ToString(), html);
        Assert.Contains("设施维修", html); // the street's categories, though the grid leader does not see the street
        // Only the grid's own compounds are offered, and no "not in a compound" choice.
        var compounds = Regex.Match(html, "<select[^>]*name=\"Input.CompoundId\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain("不在小区内", compounds);
        var ownCompound = Guid.Parse(Regex.Match(compounds, "value=\"([0-9a-f-]{36})\"").Groups[1].Value);
        var gridBranch = app.WithDb(db =>
        {
            var user = db.Users.First(u => u.UserName == "grid").Id;
            return db.RoleGrants.First(g => g.UserId == user).OrgUnitId;
        });
        Assert.Equal(gridBranch, app.WithDb(db =>
        {
            var gridId = db.Compounds.First(c => c.Id == ownCompound).GridId;
            return db.Grids.First(g => g.Id == gridId).BranchId;
        }));
        var marker = Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string> Fields(Guid? compound) => new()
        {
            ["__RequestVerificationToken"] = Antiforgery(html), ["FormToken"] = Guid.NewGuid().ToString("N"), ["Input.CommunityId"] = community.ToString(),
            ["Input.CategoryId"] = category.ToString(), ["Input.Source"] = "Visit", ["Input.Description"] = "走访反映：单元门禁损坏。" + marker,
            ["Input.CompoundId"] = compound?.ToString() ?? "", ["Input.Address"] = "3 号楼", ["Input.ContactName"] = "孙大爷", ["Input.ContactPhone"] = "13600002222",
        };

        var without = await grid.PostAsync("/demands/new", new FormUrlEncodedContent(Fields(null)));
        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Contains("请选择小区：网格（小区）党支部登记本网格（小区）内的诉求。", await without.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));

        var filed = await grid.PostAsync("/demands/new", new FormUrlEncodedContent(Fields(ownCompound)));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var saved = app.WithDb(db => db.Demands.Single(d => d.Description.EndsWith(marker)));
        Assert.Equal(DemandSource.Visit, saved.Source);
        Assert.Equal(gridBranch, saved.GridUnitId);
    }

    [Fact]
    public async Task The_department_officer_reports_back_from_the_inbox_page()
    {
        var (id, dispatchId, version) = app.WithDb(db =>
        {
            var x = db.Dispatches.First(p => p.DepartmentName == "城管科" && p.State == DispatchState.Pending);
            return (x.DemandId, x.Id, x.Version);
        });
        var officer = await app.PagesAs("officer");
        var inbox = await officer.GetStringAsync("/demands/dispatches");
        Assert.Contains("占道", inbox);
        var r = await LianxinApp.PostFormAsync(officer, $"/demands/dispatches?id={dispatchId}", new() { ["Answer.Action"] = "DepartmentReport", ["Answer.Note"] = "已清理占道摊位。", ["Answer.Version"] = version.ToString() }, "/demands/dispatches");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(DispatchState.Reported, app.WithDb(db => db.Dispatches.First(p => p.Id == dispatchId).State));
        Assert.Equal(DemandState.Accepted, app.WithDb(db => db.Demands.First(d => d.Id == id).State));
    }
}

[Collection(AppCollection.Name)]
public class DemandPhotoTests(LianxinApp app)
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    async Task<HttpResponseMessage> PostWithPhotos(HttpClient anon, string marker, params (string Name, byte[] Data, string Type)[] files)
    {
        var (community, category) = app.WithDb(db =>
        {
            var c = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            return (c.Id, db.DemandCategories.First(x => x.StreetId == c.ParentId && x.Name == "设施维修").Id);
        });
        var html = await anon.GetStringAsync($"/public/demands/new?community={community}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(Regex.Match(html, "name=\"FormToken\" value=\"([^\"]+)\"").Groups[1].Value), "FormToken" },
            { new StringContent(community.ToString()), "Input.CommunityId" }, { new StringContent(category.ToString()), "Input.CategoryId" },
            { new StringContent("路面塌陷，附照片。" + marker), "Input.Description" }, { new StringContent("5号楼前"), "Input.Address" },
            { new StringContent("郝先生"), "Input.ContactName" }, { new StringContent("13511112222"), "Input.ContactPhone" },
        };
        foreach (var (name, data, type) in files)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            form.Add(part, "Photos", name);
        }
        return await anon.PostAsync("/public/demands/new", form);
    }

    [Fact]
    public async Task A_photo_is_stored_with_the_demand_and_shown_only_to_those_who_see_it()
    {
        var anon = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var marker = Guid.NewGuid().ToString("N")[..8];
        var r = await PostWithPhotos(anon, marker, ("hole.png", Png, "image/png"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var (id, photoId) = app.WithDb(db =>
        {
            var d = db.Demands.First(x => x.Description.EndsWith(marker));
            return (d.Id, db.Files.Single(p => p.OwnerId == d.Id).Id);
        });
        var secretary = await app.PagesAs("secretary");
        Assert.Contains(photoId.ToString(), await secretary.GetStringAsync($"/demands/{id}"));
        var img = await secretary.GetAsync($"/api/v1/files/{photoId}");
        Assert.Equal("image/png", img.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await img.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync($"/api/v1/files/{photoId}")).StatusCode);
        // The audit log keeps neither the photo nor the resident's name.
        var audit = app.WithDb(db => db.AuditEntries.Where(a => a.EntityId == photoId.ToString() || a.EntityId == id.ToString()).Select(a => a.After ?? "").ToList());
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain("iVBOR", a));
        Assert.All(audit, a => Assert.DoesNotContain("郝先生", a));
        Assert.All(audit, a => Assert.DoesNotContain("13511112222", a));
    }

    [Fact]
    public async Task Oversized_or_non_image_uploads_are_refused_with_a_clear_message_and_nothing_is_filed()
    {
        var anon = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var marker = Guid.NewGuid().ToString("N")[..8];
        var fake = await PostWithPhotos(anon, marker, ("virus.jpg", "MZ this is not an image"u8.ToArray(), "image/jpeg"));
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("只能上传 JPG、PNG 或 WebP 格式的照片", await fake.Content.ReadAsStringAsync());
        var big = new byte[6 * 1024 * 1024];
        Png.CopyTo(big, 0);
        var huge = await PostWithPhotos(anon, marker, ("big.png", big, "image/png"));
        Assert.Contains("超过 5 MB", await huge.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));
    }
}
