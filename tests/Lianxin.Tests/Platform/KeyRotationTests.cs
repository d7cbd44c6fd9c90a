using Lianxin.Web.Modules.Members.Features;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

public class PersonalDataKeyVersionTests
{
    static readonly byte[] K1 = Enumerable.Repeat((byte)1, 32).ToArray(), K2 = Enumerable.Repeat((byte)2, 32).ToArray(), H = Enumerable.Repeat((byte)7, 32).ToArray();

    [Fact]
    public void Old_values_without_a_version_read_as_version_1_and_new_ones_carry_the_current_version()
    {
        var v1 = new PersonalData(K1, H);
        var legacy = v1.Encrypt("11010519491231002X")["v1:".Length..]; // as stored before key versions existed
        var both = new PersonalData(new Dictionary<int, byte[]> { [1] = K1, [2] = K2 }, 2, H);
        Assert.Equal(1, PersonalData.VersionOf(legacy));
        Assert.Equal("11010519491231002X", both.Decrypt(legacy));
        var now = both.Encrypt("11010519491231002X");
        Assert.StartsWith("v2:", now);
        Assert.Equal("11010519491231002X", both.Decrypt(now));
        Assert.Equal(v1.Hash("11010519491231002X"), both.Hash("11010519491231002X"));

        // A value whose key was dropped from configuration says which version is missing, in Chinese.
        var only2 = new PersonalData(new Dictionary<int, byte[]> { [2] = K2 }, 2, H);
        Assert.Contains("第 1 版", Assert.Throws<InvalidOperationException>(() => only2.Decrypt(legacy)).Message);
    }

    [Fact]
    public void Configuration_takes_several_versions_and_the_current_one()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Privacy:EncryptionKey"] = Convert.ToBase64String(K1),
            ["Privacy:EncryptionKeys:2"] = Convert.ToBase64String(K2),
            ["Privacy:EncryptionKeys:3"] = Convert.ToBase64String(K2),
            ["Privacy:CurrentKeyVersion"] = "2",
            ["Privacy:HashKey"] = Convert.ToBase64String(H),
        }).Build();
        var pd = PersonalData.FromConfiguration(config, demo: false);
        Assert.Equal(2, pd.CurrentVersion);
        Assert.Equal("X", pd.Decrypt(new PersonalData(K1, H).Encrypt("x")));
    }
}

/// <summary>Rotating the citizen-ID key on a database of its own: written under v1, v2 made current, <c>rekey-ids</c> run.</summary>
public sealed class KeyRotationTests : IDisposable
{
    static readonly string K1 = Convert.ToBase64String(Enumerable.Repeat((byte)11, 32).ToArray());
    static readonly string K2 = Convert.ToBase64String(Enumerable.Repeat((byte)22, 32).ToArray());
    static readonly string H = Convert.ToBase64String(Enumerable.Repeat((byte)33, 32).ToArray());

    readonly LianxinApp app = new(fromTemplate: false);

    public void Dispose() => app.Dispose();

    static T WithDb<T>(WebApplicationFactory<Program> f, Func<LianxinDb, T> work)
    {
        using var scope = f.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return work(scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    [Fact]
    public async Task Rekeying_rewrites_every_ID_under_the_new_key_once_and_search_still_finds_them()
    {
        using var v1 = app.WithWebHostBuilder(b => { b.UseSetting("Privacy:EncryptionKey", K1); b.UseSetting("Privacy:HashKey", H); });
        var before = WithDb(v1, db => db.Members.IgnoreQueryFilters().AsNoTracking().Select(m => new { m.Id, m.IdNumberCipher, m.IdNumberHash }).ToList());
        Assert.NotEmpty(before);
        var pd1 = v1.Services.GetRequiredService<PersonalData>();
        var plain = before.ToDictionary(m => m.Id, m => pd1.Decrypt(m.IdNumberCipher));
        // One value as stored before key versions existed: no prefix, version 1.
        // A member on the roster, whom the member search lists (the demo also holds members who left or were disqualified).
        var legacy = WithDb(v1, db => db.Members.IgnoreQueryFilters().Where(m => m.Status == MemberStatus.Normal)
            .OrderBy(m => m.Id).Select(m => m.Id).First());
        WithDb(v1, db => db.Members.IgnoreQueryFilters().Where(m => m.Id == legacy)
            .ExecuteUpdate(s => s.SetProperty(m => m.IdNumberCipher, m => m.IdNumberCipher.Substring(3))));

        using var v2 = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Privacy:EncryptionKeys:1", K1);
            b.UseSetting("Privacy:EncryptionKeys:2", K2);
            b.UseSetting("Privacy:CurrentKeyVersion", "2");
            b.UseSetting("Privacy:HashKey", H);
        });
        var lines = new List<string>();
        var first = await RekeyCitizenIds.RunAsync(v2.Services, lines.Add, batchSize: 7);
        Assert.Equal(new RekeyCount(before.Count, before.Count), first);
        Assert.Equal((before.Count + 6) / 7, lines.Count);
        Assert.Contains($"已检查 {before.Count} 条，重新加密 {before.Count} 条", lines[^1]);
        // Run again (say after an interruption): nothing left to do.
        Assert.Equal(new RekeyCount(before.Count, 0), await RekeyCitizenIds.RunAsync(v2.Services, _ => { }, batchSize: 7));

        var after = WithDb(v2, db => db.Members.IgnoreQueryFilters().AsNoTracking().Select(m => new { m.Id, m.IdNumberCipher, m.IdNumberHash }).ToList());
        var only2 = new PersonalData(new Dictionary<int, byte[]> { [2] = Convert.FromBase64String(K2) }, 2, Convert.FromBase64String(H));
        Assert.All(after, m =>
        {
            Assert.StartsWith("v2:", m.IdNumberCipher);
            Assert.Equal(plain[m.Id], only2.Decrypt(m.IdNumberCipher));
            Assert.Equal(before.Single(b => b.Id == m.Id).IdNumberHash, m.IdNumberHash);
        });

        // Phones share the keys (ADR 0030): rekey-ids rewrites them too, each once, and they still read the same.
        var phones = WithDb(v2, db => db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.PhoneCipher != null).ToDictionary(m => m.Id, m => m.PhoneCipher!));
        Assert.NotEmpty(phones);
        var pd2 = v2.Services.GetRequiredService<PersonalData>();
        Assert.True(await EncryptedColumns.RekeyAsync(v2.Services) >= phones.Count);
        Assert.Equal(0, await EncryptedColumns.RekeyAsync(v2.Services));
        var rekeyed = WithDb(v2, db => db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.PhoneCipher != null).ToDictionary(m => m.Id, m => m.PhoneCipher!));
        Assert.All(rekeyed, m =>
        {
            Assert.StartsWith("v2:", m.Value);
            Assert.Equal(pd2.Decrypt(phones[m.Key]), only2.Decrypt(m.Value));
        });
        Assert.All(WithDb(v2, db => db.Demands.IgnoreQueryFilters().AsNoTracking().Where(d => d.ContactPhoneCipher != "").Select(d => d.ContactPhoneCipher).ToList()),
            c => Assert.StartsWith("v2:", c));

        // The exact-ID search (keyed hash) still finds a member, and the number shows decrypted.
        var token = await (await v2.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoSetup.Password })).Content.ReadFromJsonAsync<JsonElement>();
        var api = v2.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={plain[legacy]}");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(plain[legacy], item.GetProperty("idNumber").GetString());
        Assert.True(CitizenId.IsValid(plain[legacy]));
    }
}
