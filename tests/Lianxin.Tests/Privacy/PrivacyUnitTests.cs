using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Platform.Privacy;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Privacy;

public class PrivacyUnitTests
{
    [Theory]
    [InlineData("13966668888", "13966668888")]
    [InlineData("+8613966668888", "13966668888")]
    [InlineData("+86 139 6666 8888", "13966668888")]
    [InlineData("0086-139-6666-8888", "13966668888")]
    [InlineData("139-6666-8888", "13966668888")]
    [InlineData("0571-87001234", "0571-87001234")]
    [InlineData("(0571) 87001234", "057187001234")]
    public void A_phone_has_one_normal_form_so_its_hash_matches_however_it_was_typed(string typed, string normal)
    {
        Assert.Equal(normal, PhoneNumber.Normalize(typed));
        Assert.True(PhoneNumber.IsValid(PhoneNumber.Normalize(typed)));
        var pd = new PersonalData(new byte[32], Enumerable.Repeat((byte)5, 32).ToArray());
        Assert.Equal(pd.Hash(normal), pd.PhoneHash(typed));
        var (cipher, hash) = pd.Seal(typed);
        Assert.DoesNotContain(normal, cipher);
        Assert.Equal(normal, pd.OpenPhone(cipher));
        Assert.Equal(pd.Hash(normal), hash);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+1 415 555 0100")]
    [InlineData("1396666888")]
    public void What_is_no_mainland_phone_is_refused(string typed)
    {
        Assert.False(PhoneNumber.IsValid(PhoneNumber.Normalize(typed)));
        Assert.Null(new PersonalData(new byte[32], new byte[32]).PhoneHash(typed));
    }

    [Theory]
    [InlineData("家里电话13812345678，请联系", "家里电话138****5678，请联系")]
    [InlineData("打 +86 138 1234 5678 找我", "打 138****5678 找我")]
    [InlineData("电话 0571-87001234", "电话 057******1234")]
    [InlineData("身份证 11010519491231002X 办事", "身份证 1101**********002X 办事")]
    [InlineData("老号码 110105491231002", "老号码 1101*******1002")]
    [InlineData("邮箱 zhou.fang@example.com", "邮箱 ***@***")]
    [InlineData("3号楼2单元路灯不亮，已有10天", "3号楼2单元路灯不亮，已有10天")]
    [InlineData("受理编号 SQ20261201ABCDEF", "受理编号 SQ20261201ABCDEF")]
    public void Free_text_for_the_public_masks_phones_ids_and_emails(string text, string shown) =>
        Assert.Equal(shown, FreeText.Public(text));

    [Fact]
    public void Five_failed_lookups_of_a_ticket_stop_it_for_an_hour_even_with_the_right_tail()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        var throttle = new TrackingThrottle(new TrackingThrottleOptions(), clock);
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(throttle.RetryAfter("SQ20261201AAAAAA", "10.0.0.1"));
            throttle.Failed("SQ20261201AAAAAA", "10.0.0.1");
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        // From any client: the ticket is what is being guessed.
        Assert.Equal(TimeSpan.FromMinutes(55), throttle.RetryAfter("sq20261201aaaaaa", "10.0.0.2"));
        Assert.Null(throttle.RetryAfter("SQ20261201BBBBBB", "10.0.0.2"));
        Assert.Equal("查询失败次数过多，为保护居民信息已暂停查询，请 55 分钟后再试。", TrackingThrottle.Message(TimeSpan.FromMinutes(55)));
        // The oldest failure leaves the window: one more try.
        clock.Advance(TimeSpan.FromMinutes(55));
        Assert.Null(throttle.RetryAfter("SQ20261201AAAAAA", "10.0.0.1"));
    }

    [Fact]
    public void A_client_guessing_many_tickets_is_stopped_too()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        var throttle = new TrackingThrottle(new TrackingThrottleOptions { PerClient = 3 }, clock);
        foreach (var t in new[] { "SQ20261201AAAAA1", "SQ20261201AAAAA2", "SQ20261201AAAAA3" }) throttle.Failed(t, "10.0.0.9");
        Assert.Equal(TimeSpan.FromHours(1), throttle.RetryAfter("SQ20261201AAAAA4", "10.0.0.9"));
        Assert.Null(throttle.RetryAfter("SQ20261201AAAAA4", "10.0.0.8"));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(throttle.RetryAfter("SQ20261201AAAAA4", "10.0.0.9"));
    }
}
