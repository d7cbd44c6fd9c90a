using System.Net;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Tests.Reviews;

/// <summary>The rubric editor as a form: rows, Chinese errors beside the field, frozen versions read-only and saved as a new version.</summary>
[Collection(AppCollection.Name)]
public class RubricEditorPageTests(LianxinApp app)
{
    Guid NewRubric(string name, bool frozen = false) => app.WithDb(db =>
    {
        var street = db.OrgUnits.First(u => u.ShortName == "东湖街道党工委");
        var r = new Rubric
        {
            Name = name, Purpose = RubricPurpose.FiveStar, OrgPath = street.Path, OwnerUnitId = street.Id, Frozen = frozen, CreatedAt = DateTime.UtcNow,
            Definition = new RubricDefinition
            {
                Sections = [new() { Code = "A", Title = "组织建设" }, new() { Code = "B", Title = "服务群众", Weight = 1 }],
                Items =
                [
                    new() { Code = "A1", Section = "A", Title = "班子健全", Type = ItemType.Scored, Max = 60 },
                    new() { Code = "A2", Section = "A", Title = "台账规范", Type = ItemType.Deduction, Max = 20, PerOccurrence = 2, Floor = 0 },
                    new() { Code = "B1", Section = "B", Title = "为民办实事", Type = ItemType.Scored, Max = 20 },
                ],
                Stars = [new(3, 80)],
            },
        };
        r.FamilyId = r.Id;
        db.Rubrics.Add(r);
        db.SaveChanges();
        return r.Id;
    });

    Rubric Load(Guid id) => app.WithDb(db => db.Rubrics.First(r => r.Id == id));

    /// <summary>Every field the form shows, as the browser would post it.</summary>
    static Dictionary<string, string> FieldsOf(string html)
    {
        var fields = new Dictionary<string, string>();
        var form = Regex.Match(html, "<form method=\"post\" action=\"[^\"]*\" novalidate id=\"rubric-form\"[\\s\\S]*?</form>").Value;
        foreach (Match m in Regex.Matches(form, "<input [^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\""))
            if (!m.Value.Contains("type=\"file\"")) fields[m.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (Match m in Regex.Matches(form, "<textarea [^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>"))
            fields[m.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(m.Groups[2].Value.TrimStart('\n', '\r'));
        foreach (Match m in Regex.Matches(form, "<select [^>]*name=\"([^\"]+)\"[^>]*>([\\s\\S]*?)</select>"))
        {
            var selected = Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            fields[m.Groups[1].Value] = selected.Success ? selected.Groups[1].Value : Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\"").Groups[1].Value;
        }
        fields.Remove("__RequestVerificationToken");
        return fields;
    }

    [Fact]
    public async Task Editing_an_item_through_the_form_saves_it_and_bad_values_get_chinese_errors_and_change_nothing()
    {
        var id = NewRubric($"编辑测试{Guid.NewGuid():N}"[..10]);
        var street = await app.PagesAs("street");
        var url = $"/reviews/rubrics/{id}";
        var html = await street.GetStringAsync(url);
        Assert.Contains("id=\"rubric-form\"", html);
        Assert.DoesNotContain("<fieldset disabled", html);
        var fields = FieldsOf(html);
        Assert.Equal("台账规范", fields["Input.Definition.Items[1].Title"]);
        Assert.Equal("Deduction", fields["Input.Definition.Items[1].Type"]);

        // A floor at the full score is refused beside the field, in Chinese, and nothing is saved.
        var bad = new Dictionary<string, string>(fields) { ["Input.Definition.Items[1].Floor"] = "20", ["Input.Definition.Items[0].Max"] = "abc" };
        var refused = await LianxinApp.PostFormAsync(street, url, bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("扣分项的最低分须不小于 0 且小于满分。", body);
        Assert.Contains("请填写数字。", body);
        Assert.Equal(0, Load(id).Definition.Items[1].Floor);

        // A valid edit: retitle, change the type to bonus with its own cap, and set the overall bonus cap.
        var good = new Dictionary<string, string>(fields)
        {
            ["Input.Definition.Items[2].Title"] = "创新做法", ["Input.Definition.Items[2].Type"] = "Bonus", ["Input.Definition.Items[2].Max"] = "5",
            ["Input.Definition.BonusCap"] = "8", ["Input.Definition.Items[1].PerOccurrence"] = "2.5",
        };
        var saved = await LianxinApp.PostFormAsync(street, url, good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var d = Load(id).Definition;
        Assert.Equal(("创新做法", ItemType.Bonus, 5.0), (d.Items[2].Title, d.Items[2].Type, d.Items[2].Max));
        Assert.Equal(8, d.BonusCap);
        Assert.Equal(2.5, d.Items[1].PerOccurrence);
        Assert.False(Load(id).Frozen);
        Assert.Single(app.WithDb(db => db.Rubrics.Where(r => r.FamilyId == id).ToList())); // edited in place: never used
    }

    [Fact]
    public async Task Rows_are_added_moved_and_removed_on_the_server_and_a_section_with_items_is_not_removed()
    {
        var id = NewRubric($"行操作{Guid.NewGuid():N}"[..10]);
        var street = await app.PagesAs("street");
        var url = $"/reviews/rubrics/{id}";
        var fields = FieldsOf(await street.GetStringAsync(url));

        var added = await (await LianxinApp.PostFormAsync(street, url + "?handler=row&op=add-item:0", new(fields), url)).Content.ReadAsStringAsync();
        var after = FieldsOf(added);
        Assert.Equal("A3", after["Input.Definition.Items[2].Code"]); // added at the end of section A, before B's items
        Assert.Equal("B1", after["Input.Definition.Items[3].Code"]);

        var moved = FieldsOf(await (await LianxinApp.PostFormAsync(street, url + "?handler=row&op=up-item:1", new(fields), url)).Content.ReadAsStringAsync());
        Assert.Equal(("A2", "A1"), (moved["Input.Definition.Items[0].Code"], moved["Input.Definition.Items[1].Code"]));

        var refused = await (await LianxinApp.PostFormAsync(street, url + "?handler=row&op=remove-section:1", new(fields), url)).Content.ReadAsStringAsync();
        Assert.Contains("请先删除该部分下的评分项，或把它们移到其他部分。", refused);

        // Nothing of this was saved: rows change only in the form until 保存.
        Assert.Equal(3, Load(id).Definition.Items.Count);
    }

    [Fact]
    public async Task A_used_version_shows_read_only_and_saving_it_makes_the_next_version()
    {
        var id = NewRubric($"冻结测试{Guid.NewGuid():N}"[..10], frozen: true);
        var street = await app.PagesAs("street");
        var url = $"/reviews/rubrics/{id}";
        var html = await street.GetStringAsync(url);
        Assert.Contains("<fieldset disabled=\"disabled\">", html);
        Assert.Contains($"href=\"/reviews/rubrics/{id}?edit=true\"", html);
        Assert.Contains("另存为新版本", html);
        Assert.DoesNotContain("id=\"save\"", html);

        var editor = await street.GetStringAsync(url + "?edit=true");
        Assert.DoesNotContain("<fieldset disabled", editor);
        var fields = FieldsOf(editor);
        fields["Input.Definition.Items[0].Max"] = "50";
        fields["Input.Definition.Items[2].Max"] = "30";
        var saved = await LianxinApp.PostFormAsync(street, url, fields, url + "?edit=true");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var next = app.WithDb(db => db.Rubrics.Single(r => r.FamilyId == id && r.VersionNo == 2));
        Assert.Equal($"/reviews/rubrics/{next.Id}", saved.Headers.Location!.OriginalString);
        Assert.Equal(50, next.Definition.Items[0].Max);
        Assert.Equal(60, Load(id).Definition.Items[0].Max); // the used version is untouched
    }

    [Fact]
    public async Task The_json_path_still_saves_and_reviewers_cannot_edit()
    {
        var id = NewRubric($"JSON{Guid.NewGuid():N}"[..10]);
        var street = await app.PagesAs("street");
        var url = $"/reviews/rubrics/{id}";
        var bad = await LianxinApp.PostFormAsync(street, url + "?handler=json", new() { ["Input.Name"] = "x", ["Input.Purpose"] = "Quarterly", ["Json"] = "{不是JSON" }, url);
        Assert.Contains("细则内容格式有误，请检查 JSON。", await bad.Content.ReadAsStringAsync());
        var json = "{\"sections\":[{\"code\":\"A\",\"title\":\"组织建设\",\"weight\":1}],\"items\":[{\"code\":\"A1\",\"section\":\"A\",\"title\":\"班子健全\",\"type\":\"Scored\",\"max\":100}],\"bonusCap\":0,\"vetoEffect\":\"Zero\",\"stars\":[]}";
        var ok = await LianxinApp.PostFormAsync(street, url + "?handler=json", new() { ["Input.Name"] = "JSON 保存", ["Input.Purpose"] = "Quarterly", ["Json"] = json }, url);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(100, Load(id).Definition.BaseMax);

        // A reviewer reads the rubric they score against, but gets no editor and cannot post one.
        var reviewer = await app.PagesAs("reviewer");
        var seen = await reviewer.GetStringAsync(url);
        Assert.Contains("<fieldset disabled=\"disabled\">", seen);
        Assert.DoesNotContain("另存为新版本", seen);
        Assert.DoesNotContain("id=\"save\"", seen);
        var fields = FieldsOf(await street.GetStringAsync(url));
        fields["Input.Name"] = "评委改的";
        var denied = await LianxinApp.PostFormAsync(reviewer, url, fields);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.ToString());
        Assert.Equal("JSON 保存", Load(id).Name);
    }
}
