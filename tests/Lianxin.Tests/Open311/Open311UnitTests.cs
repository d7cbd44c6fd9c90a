using Lianxin.Web.Platform.Privacy;
using System.Text;
using System.Xml.Linq;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Open311.Api;
using Lianxin.Web.Modules.Demands.Open311.Domain;
using Lianxin.Web.Modules.Demands.Open311.Features;

namespace Lianxin.Tests.Open311;

public class Open311UnitTests
{
    [Fact]
    public void A_client_over_its_limit_is_refused_while_another_client_still_files()
    {
        using var limiter = new Open311Limiter(new Open311Options { PermitLimit = 2, WindowSeconds = 60 });
        var a = Guid.NewGuid();
        Assert.True(limiter.TryAcquire(a));
        Assert.True(limiter.TryAcquire(a));
        Assert.False(limiter.TryAcquire(a));
        Assert.True(limiter.TryAcquire(Guid.NewGuid()));
    }

    [Theory]
    [InlineData(DemandState.Submitted, "open")]
    [InlineData(DemandState.Accepted, "open")]
    [InlineData(DemandState.Dispatched, "open")]
    [InlineData(DemandState.Resolved, "closed")]
    [InlineData(DemandState.Closed, "closed")]
    [InlineData(DemandState.Rejected, "closed")]
    [InlineData(DemandState.Merged, "closed")]
    public void Demand_states_map_to_open_or_closed(DemandState state, string status) => Assert.Equal(status, Open311Status.Of(state));

    [Fact]
    public void Keys_are_random_and_stored_as_their_sha256()
    {
        var k1 = ApiKey.New();
        var k2 = ApiKey.New();
        Assert.Matches("^lx311_[a-z2-9]{32}$", k1);
        Assert.NotEqual(k1, k2);
        Assert.Equal(64, ApiKey.Hash(k1).Length);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKey.Hash("abc"));
        Assert.DoesNotContain(k1[12..], ApiKey.Shown(k1));
    }

    [Fact]
    public void Phones_ids_and_emails_in_free_text_are_masked()
    {
        Assert.Equal("请联系 139****5678 或 ***@***。", FreeText.Public("请联系 13912345678 或 a.b@example.com。"));
        // An ID number is masked as an ID, not taken for a phone.
        Assert.Equal("编号 1101**********1234", FreeText.Public("编号 110105199001011234"));
    }

    [Fact]
    public void A_document_is_the_same_tree_in_xml_and_json_with_beijing_times()
    {
        var at = new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc);
        var doc = new Open311Result("xml", 200, "service_requests", new O311List("request",
            [new O311Object(("service_request_id", "SQ1"), ("requested_datetime", at), ("lat", 30.5), ("zipcode", null), ("description", "<b>&</b>"))]));
        var xml = XDocument.Parse(Encoding.UTF8.GetString(doc.Xml()));
        var request = xml.Root!.Element("request")!;
        Assert.Equal("service_requests", xml.Root.Name.LocalName);
        Assert.Equal("2026-11-26T00:00:00+08:00", request.Element("requested_datetime")!.Value);
        Assert.Equal("<b>&</b>", request.Element("description")!.Value);
        Assert.Equal("", request.Element("zipcode")!.Value);
        Assert.Equal("[{\"service_request_id\":\"SQ1\",\"requested_datetime\":\"2026-11-26T00:00:00+08:00\",\"lat\":30.5,\"zipcode\":null,\"description\":\"<b>&</b>\"}]",
            Encoding.UTF8.GetString(doc.Json()));
    }
}
