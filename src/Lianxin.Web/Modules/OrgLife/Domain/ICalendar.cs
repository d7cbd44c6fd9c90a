using System.Globalization;
using System.Text;

namespace Lianxin.Web.Modules.OrgLife.Domain;

/// <summary>
/// A minimal RFC 5545 writer for the branch feeds: CRLF line endings, lines folded at 75 octets without splitting a
/// UTF-8 character (3.1), TEXT values escaped (3.3.11), times in UTC with "Z" so no VTIMEZONE is needed (3.3.5).
/// </summary>
public sealed class ICalendar
{
    readonly StringBuilder sb = new();

    public ICalendar(string name)
    {
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Lianxin//OrgLife//ZH");
        Line("CALSCALE:GREGORIAN");
        Text("X-WR-CALNAME", name);
        Line("X-WR-TIMEZONE:Asia/Shanghai");
    }

    public record Event(string Uid, int Sequence, DateTime Stamp, DateTime Start, DateTime End, string Summary, string? Location, string? Description, bool Cancelled);

    public ICalendar Add(Event e)
    {
        Line("BEGIN:VEVENT");
        Text("UID", e.Uid);
        Line("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
        Line("DTSTAMP:" + Utc(e.Stamp));
        Line("DTSTART:" + Utc(e.Start));
        Line("DTEND:" + Utc(e.End));
        Text("SUMMARY", e.Summary);
        if (!string.IsNullOrWhiteSpace(e.Location)) Text("LOCATION", e.Location);
        if (!string.IsNullOrWhiteSpace(e.Description)) Text("DESCRIPTION", e.Description);
        Line("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
        Line("END:VEVENT");
        return this;
    }

    public override string ToString() => sb + "END:VCALENDAR\r\n";

    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string value) => value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    void Text(string name, string value) => Line(name + ":" + Escape(value));

    /// <summary>Writes a content line, folding it so that no physical line exceeds 75 octets (a continuation starts with one space).</summary>
    void Line(string line)
    {
        var limit = 75;
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var n = rune.Utf8SequenceLength;
            if (octets + n > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += n;
        }
        sb.Append("\r\n");
    }
}
