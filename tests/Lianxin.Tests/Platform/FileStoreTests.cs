using Lianxin.Web.Platform.Modules;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Migrations;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Lianxin.Tests.Platform;

/// <summary>The one file store: thumbnails made on upload, files served only to those who may see their owner.</summary>
[Collection(AppCollection.Name)]
public class FileStoreTests(LianxinApp app)
{
    static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, new SKPaint { Color = SKColors.Gold });
        }
        return bitmap.Encode(format, 90).ToArray();
    }

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

    /// <summary>A demand of 和平社区 with one photo added by its secretary; returns the demand and the photo.</summary>
    async Task<(Guid Demand, Guid Photo)> DemandWithPhotoAsync(byte[] photo)
    {
        var (community, category) = app.WithDb(db =>
        {
            var c = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            return (c.Id, db.DemandCategories.First(x => x.StreetId == c.ParentId && x.Name == "设施维修").Id);
        });
        var created = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", new
        {
            communityId = community, categoryId = category, description = "健身器材松动，附现场照片。", address = "3号楼旁", contactName = "钱女士", contactPhone = "13712347777",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var added = await (await app.ApiAs("secretary")).PostAsync($"/api/v1/demands/{id}/photos", Photos(("site.png", photo)));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (id, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photoIds")[0].GetGuid());
    }

    [Fact]
    public async Task An_upload_gets_a_jpeg_thumbnail_at_most_320_px_and_the_original_comes_back_unchanged()
    {
        var original = Picture(1200, 800);
        var (id, photo) = await DemandWithPhotoAsync(original);
        var secretary = await app.ApiAs("secretary");

        var listed = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}/photos");
        Assert.Equal($"/api/v1/files/{photo}/thumbnail", listed[0].GetProperty("thumbnailUrl").GetString());

        var full = await secretary.GetAsync($"/api/v1/files/{photo}");
        Assert.Equal("image/png", full.Content.Headers.ContentType!.MediaType);
        Assert.Equal(original, await full.Content.ReadAsByteArrayAsync());

        var thumb = await secretary.GetAsync($"/api/v1/files/{photo}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", thumb.Headers.GetValues("X-Content-Type-Options").Single());
        using var small = SKBitmap.Decode(await thumb.Content.ReadAsByteArrayAsync());
        Assert.Equal((320, 213), (small.Width, small.Height));

        // The demand page shows the thumbnail and links the original.
        var page = await (await app.PagesAs("secretary")).GetStringAsync($"/demands/{id}");
        Assert.Contains($"src=\"/api/v1/files/{photo}/thumbnail\"", page);
        Assert.Contains($"href=\"/api/v1/files/{photo}\"", page);
    }

    [Fact]
    public void A_small_picture_is_not_enlarged_and_a_broken_one_has_no_thumbnail()
    {
        using var small = SKBitmap.Decode(Thumbnails.Make(Picture(200, 90, SKEncodedImageFormat.Jpeg))!);
        Assert.Equal((200, 90), (small.Width, small.Height));
        using var tall = SKBitmap.Decode(Thumbnails.Make(Picture(500, 1000, SKEncodedImageFormat.Webp))!);
        Assert.Equal((160, 320), (tall.Width, tall.Height));
        var broken = Picture(64, 64)[..40];
        Assert.Null(Thumbnails.Make(broken));
    }

    [Fact]
    public async Task A_picture_that_does_not_open_is_refused_with_nothing_saved()
    {
        var (id, _) = await DemandWithPhotoAsync(Picture(40, 40));
        var truncated = Picture(300, 300)[..60]; // a real PNG header, then nothing
        var r = await (await app.ApiAs("secretary")).PostAsync($"/api/v1/demands/{id}/photos", Photos(("cut.png", truncated)));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("已损坏", await r.Content.ReadAsStringAsync());
        Assert.Equal(1, app.WithDb(db => db.Files.Count(f => f.OwnerId == id)));
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("merchant")]
    [InlineData("liaison")]
    [InlineData("reviewer")]
    public async Task Who_may_not_see_a_demand_does_not_get_its_photos_either(string user)
    {
        var (id, photo) = await DemandWithPhotoAsync(Picture(64, 48));
        var api = await app.ApiAs(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/demands/{id}/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/files/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/files/{photo}/thumbnail")).StatusCode);
        // The pages' cookie gets the same answer as the token.
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.PagesAs(user)).GetAsync($"/api/v1/files/{photo}")).StatusCode);
        // Those who see the demand still see its photos; the neighbouring community does not even learn they exist.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs("staff")).GetAsync($"/api/v1/files/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/files/{photo}/thumbnail")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/files/{photo}")).StatusCode);
    }

    [Fact]
    public async Task Migration_0017_moves_the_three_photo_tables_into_the_store()
    {
        var cs = TestDatabase.Create();
        var provider = TestDatabase.IsPostgres ? "Postgres" : "Sqlite";
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (TestDatabase.IsPostgres) b.UseNpgsql(cs); else b.UseSqlite(cs);
        await using var db = new LianxinDb(b.Options, new OrgScope(), new ModuleCatalog(Program.Modules));
        await db.Database.OpenConnectionAsync();
        var conn = db.Database.GetDbConnection();

        // Everything before 0017, then rows in the old tables, then 0017 itself (later migrations marked done: they assume it).
        await Exec($"CREATE TABLE {MigrationRunner.HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)");
        foreach (var later in MigrationRunner.Available(provider).Where(n => string.CompareOrdinal(n, "0017") >= 0))
            await Exec($"INSERT INTO {MigrationRunner.HistoryTable} (id, applied_at) VALUES ('{later}', 'x')");
        await MigrationRunner.ApplyAsync(conn, provider);
        var (tenant, demand, pledge, update, sheet, finding, reviewer) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToArray();
        var at = TestDatabase.IsPostgres ? "'2026-03-01T08:00:00Z'" : "'2026-03-01 08:00:00'";
        await Exec($"""INSERT INTO dem_photos ("Id", "DemandId", "OrgPath", "ContentType", "Size", "Data", "CreatedAt", "TenantId") VALUES ({G(ids[0])}, {G(demand)}, '/a/b/', 'image/png', 3, {Bytes}, {at}, {G(tenant)})""");
        await Exec($"""INSERT INTO plg_photos ("Id", "PledgeId", "UpdateId", "OrgPath", "ContentType", "Size", "Data", "CreatedAt", "TenantId") VALUES ({G(ids[1])}, {G(pledge)}, {G(update)}, '/a/b/', 'image/jpeg', 3, {Bytes}, {at}, {G(tenant)})""");
        await Exec($"""INSERT INTO rev_photos ("Id", "RoundId", "UnitId", "OrgPath", "SheetId", "ItemCode", "FindingId", "ContentType", "Size", "Data", "UploadedBy", "CreatedAt", "TenantId") VALUES ({G(ids[2])}, {G(Guid.NewGuid())}, {G(Guid.NewGuid())}, '/a/c/', {G(sheet)}, 'A1', NULL, 'image/webp', 3, {Bytes}, {G(reviewer)}, {at}, {G(tenant)})""");
        await Exec($"""INSERT INTO rev_photos ("Id", "RoundId", "UnitId", "OrgPath", "SheetId", "ItemCode", "FindingId", "ContentType", "Size", "Data", "UploadedBy", "CreatedAt", "TenantId") VALUES ({G(ids[3])}, {G(Guid.NewGuid())}, {G(Guid.NewGuid())}, '/a/c/', NULL, NULL, {G(finding)}, 'image/png', 3, {Bytes}, NULL, {at}, {G(tenant)})""");
        await Exec($"DELETE FROM {MigrationRunner.HistoryTable} WHERE id = '0017_file_store'");
        Assert.Equal(["0017_file_store"], await MigrationRunner.ApplyAsync(conn, provider));

        var files = await db.Files.IgnoreQueryFilters().AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(ids.Order(), files.Select(f => f.Id));
        Assert.All(files, f => Assert.Equal(tenant, f.TenantId));
        Assert.All(files, f => Assert.Equal(new byte[] { 1, 2, 3 }, f.Data));
        Assert.All(files, f => Assert.Null(f.Thumbnail));
        var byId = files.ToDictionary(f => f.Id);
        Assert.Equal(("demands", "demand", demand, (string?)null, "/a/b/"), (byId[ids[0]].OwnerModule, byId[ids[0]].OwnerKind, byId[ids[0]].OwnerId, byId[ids[0]].OwnerPart, byId[ids[0]].OrgPath));
        Assert.Equal(("pledges", "pledge", pledge, update), (byId[ids[1]].OwnerModule, byId[ids[1]].OwnerKind, byId[ids[1]].OwnerId, Guid.Parse(byId[ids[1]].OwnerPart!)));
        Assert.Equal(("reviews", "item", sheet, "A1", reviewer), (byId[ids[2]].OwnerModule, byId[ids[2]].OwnerKind, byId[ids[2]].OwnerId, byId[ids[2]].OwnerPart, byId[ids[2]].CreatedBy));
        Assert.Equal(("reviews", "finding", finding, (string?)null), (byId[ids[3]].OwnerModule, byId[ids[3]].OwnerKind, byId[ids[3]].OwnerId, byId[ids[3]].OwnerPart));
        Assert.Equal("photo.webp", byId[ids[2]].FileName);

        async Task Exec(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
    }

    // Literals as each provider stores them (EF keeps SQLite Guids as upper-case text).
    static string G(Guid g) => TestDatabase.IsPostgres ? $"'{g}'" : $"'{g.ToString().ToUpperInvariant()}'";
    static string Bytes => TestDatabase.IsPostgres ? "'\\x010203'::bytea" : "X'010203'";
}
