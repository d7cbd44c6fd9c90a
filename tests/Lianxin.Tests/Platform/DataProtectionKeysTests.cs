using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Platform.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Platform;

/// <summary>The Data Protection key ring lives in the database (ADR 0038): a second instance on it reads the first one's cookies and tokens.</summary>
[Collection(AppCollection.Name)]
public class DataProtectionKeysTests(LianxinApp app)
{
    [Fact]
    public async Task A_person_signs_in_on_one_instance_and_goes_on_on_another_with_the_same_cookie_and_token()
    {
        await using var second = new SecondInstance(app.ConnectionString);
        var one = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var two = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // The form and its antiforgery cookie come from instance one; the post goes to instance two.
        var form = await one.GetAsync("/account/login");
        var antiforgery = Cookies(form);
        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "staff", ["Password"] = DemoSetup.Password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await two.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Instance two's sign-in cookie opens a page on instance one.
        var page = new HttpRequestMessage(HttpMethod.Get, "/demands");
        page.Headers.Add("Cookie", Cookies(signedIn));
        var list = await one.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("诉求", await list.Content.ReadAsStringAsync());

        // A bearer token issued by instance one is accepted by instance two.
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        me.Headers.Authorization = (await app.ApiAs("staff")).DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await two.SendAsync(me)).StatusCode);
    }

    [Fact]
    public void The_stored_keys_are_encrypted_with_the_personal_data_key()
    {
        app.CreateClient().GetAsync("/account/login").GetAwaiter().GetResult(); // the antiforgery token needs a key
        var keys = app.WithDb(db => db.Set<DataProtectionKeyRow>().AsNoTracking().ToList());
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("encryptedSecret", k.Xml);
            Assert.Contains(nameof(PersonalDataXmlDecryptor), k.Xml);
            Assert.DoesNotContain("<masterKey", k.Xml); // the secret itself never in clear
        });
    }

    static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var all) ? all.Select(c => c.Split(';')[0]) : []);

    sealed class SecondInstance(string cs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", TestDatabase.Provider);
            builder.UseSetting("Database:ConnectionString", cs);
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Jobs:Enabled", "false");
        }
    }
}
