using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class AuditChainTests(LianxinApp app)
{
    [Fact]
    public async Task Every_change_is_audited_with_masked_personal_data_and_the_chain_verifies()
    {
        await app.PagesAs("admin"); // at least a sign-in entry
        var phone = "13912345678";
        var posId = app.WithDb(db =>
        {
            var unit = db.OrgUnits.First(u => u.Kind == Lianxin.Web.Modules.Organizations.Contracts.OrgKind.Community);
            var p = new Lianxin.Web.Modules.Organizations.Domain.OrgPosition { OrgUnitId = unit.Id, OrgPath = unit.Path, Title = "委员", PersonName = "测试员",
                PhoneCipher = app.Services.GetRequiredService<Lianxin.Web.Platform.Privacy.PersonalData>().Encrypt(phone), StartedOn = new DateOnly(2026, 1, 1) };
            db.OrgPositions.Add(p);
            db.SaveChanges();
            return p.Id;
        });
        var entry = app.WithDb(db => db.AuditEntries.Single(e => e.Entity == "OrgPosition" && e.EntityId == posId.ToString()));
        Assert.Equal(AuditAction.Insert, entry.Action);
        // The phone is encrypted (ADR 0030): the entry says it was set, and holds neither the number nor its cipher.
        Assert.DoesNotContain(phone, entry.After);
        Assert.DoesNotContain("v1:", entry.After);
        Assert.Contains("已加密", entry.After);

        var api = await app.ApiAs("admin");
        var report = await api.GetFromJsonAsync<ChainReport>("/api/v1/audit/verify");
        Assert.True(report!.Intact, report.FirstBreak?.Reason);
        Assert.True(report.Checked > 1);
    }

    [Fact]
    public async Task Tampering_with_an_entry_is_found_and_located()
    {
        await app.PagesAs("street");
        var victim = app.WithDb(db => db.AuditEntries.OrderBy(e => e.Seq).Skip(1).First());
        app.WithDb(db => db.Database.ExecuteSql($"UPDATE aud_entries SET \"UserName\" = 'mallory' WHERE \"Id\" = {victim.Id}"));
        try
        {
            var api = await app.ApiAs("admin");
            var report = await api.GetFromJsonAsync<ChainReport>("/api/v1/audit/verify");
            Assert.False(report!.Intact);
            Assert.Equal(victim.Seq, report.FirstBreak!.Seq);
        }
        finally
        {
            app.WithDb(db => db.Database.ExecuteSql($"UPDATE aud_entries SET \"UserName\" = {victim.UserName} WHERE \"Id\" = {victim.Id}"));
        }
    }

    [Fact]
    public async Task Only_those_entitled_may_verify_the_chain()
    {
        var api = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit/verify")).StatusCode);
    }
}
