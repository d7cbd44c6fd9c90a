using System.Text.RegularExpressions;

namespace Lianxin.Web.Modules.Rollups.Domain;

public enum PeriodKind { Month, Quarter, Year }

/// <summary>A calendar month, quarter or year (Beijing dates, inclusive), written "2026-11", "2026Q3" or "2026".</summary>
public sealed partial record ReportPeriod(PeriodKind Kind, int Year, int Index)
{
    public DateOnly From => Kind switch
    {
        PeriodKind.Month => new(Year, Index, 1),
        PeriodKind.Quarter => new(Year, (Index - 1) * 3 + 1, 1),
        _ => new(Year, 1, 1),
    };

    public DateOnly To => Kind switch
    {
        PeriodKind.Month => From.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => From.AddMonths(3).AddDays(-1),
        _ => new(Year, 12, 31),
    };

    public string Code => Kind switch
    {
        PeriodKind.Month => $"{Year}-{Index:00}",
        PeriodKind.Quarter => $"{Year}Q{Index}",
        _ => $"{Year}",
    };

    public string Label => Kind switch
    {
        PeriodKind.Month => string.Format(Platform.Localization.Text.Of("{0}年{1}月"), Year, Index),
        PeriodKind.Quarter => string.Format(Platform.Localization.Text.Of("{0}年第{2}季度"), Year, Index, "一二三四"[Index - 1]),
        _ => string.Format(Platform.Localization.Text.Of("{0}年"), Year),
    };

    /// <summary>The period just before, of the same kind (环比).</summary>
    public ReportPeriod Previous() => Kind switch
    {
        PeriodKind.Month => Index == 1 ? new(PeriodKind.Month, Year - 1, 12) : this with { Index = Index - 1 },
        PeriodKind.Quarter => Index == 1 ? new(PeriodKind.Quarter, Year - 1, 4) : this with { Index = Index - 1 },
        _ => this with { Year = Year - 1 },
    };

    public static ReportPeriod QuarterOf(DateOnly day) => new(PeriodKind.Quarter, day.Year, (day.Month - 1) / 3 + 1);

    public static ReportPeriod MonthOf(DateOnly day) => new(PeriodKind.Month, day.Year, day.Month);

    /// <summary>Null when the text is not a period of years 2000–2100.</summary>
    public static ReportPeriod? Parse(string? text)
    {
        var m = Pattern().Match((text ?? "").Trim().ToUpperInvariant());
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["y"].Value);
        if (year is < 2000 or > 2100) return null;
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value);
            return month is >= 1 and <= 12 ? new(PeriodKind.Month, year, month) : null;
        }
        if (m.Groups["q"].Success) return new(PeriodKind.Quarter, year, int.Parse(m.Groups["q"].Value));
        return new(PeriodKind.Year, year, 1);
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{1,2})|-?Q(?<q>[1-4]))?$")]
    private static partial Regex Pattern();
}
