using System.Text;
using Lianxin.Web.Modules.OrgLife.Domain;

namespace Lianxin.Tests.OrgLife;

public class ICalendarTests
{
    [Fact]
    public void Lines_end_in_CRLF_are_folded_at_75_octets_without_splitting_a_character_and_text_is_escaped()
    {
        var topic = string.Concat(Enumerable.Repeat("学习贯彻党的二十届三中全会精神；", 6)) + "a,b;c\\d";
        var text = new ICalendar("第一网格党支部组织生活").Add(new ICalendar.Event("x@lianxin", 2, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 2, 30, 0, DateTimeKind.Utc), topic, "会议室", "第一行\n第二行", true)).ToString();

        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        var lines = text.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains("DTSTART:20260310T010000Z", lines);
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Contains("SEQUENCE:2", lines);
        Assert.Contains("DESCRIPTION:第一行\\n第二行", lines);
        // Unfolding (RFC 5545 3.1: drop CRLF + one space) gives back the escaped value whole.
        var unfolded = text.Replace("\r\n ", "");
        Assert.Contains("SUMMARY:" + topic[..^7] + "a\\,b\\;c\\\\d\r\n", unfolded);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
    }
}
