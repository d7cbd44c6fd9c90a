using CsCheck;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Tests.Platform;

/// <summary>Properties that must hold for any input, not just the examples the other tests pick (CsCheck shrinks a failure to a small case).</summary>
public class PropertyTests
{
    static readonly DateOnly Jan1 = new(2026, 1, 1);

    /// <summary>A random district calendar: some holidays, and some weekend days worked to make up.</summary>
    static readonly Gen<WorkingCalendar> Calendars =
        Gen.Select(Gen.Int[0, 400].HashSet[0, 40], Gen.Int[0, 400].HashSet[0, 10], (holidays, makeUps) => new WorkingCalendar(
            holidays.Select(i => Jan1.AddDays(i)),
            makeUps.Select(i => Jan1.AddDays(i)).Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)));

    /// <summary>Any minute of 2026 in UTC.</summary>
    static readonly Gen<DateTime> Moments = Gen.Int[0, 365 * 24 * 60].Select(m => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(m));

    /// <summary>Up to 60 working days, in quarter hours (exact in binary, so sums compare exactly).</summary>
    static readonly Gen<double> Hours = Gen.Int[0, 60 * 8 * 4].Select(q => q / 4.0);

    [Fact]
    public void Adding_working_hours_then_counting_them_back_gives_the_same_hours() =>
        Gen.Select(Calendars, Moments, Hours).Sample((cal, start, hours) =>
            Math.Abs(cal.WorkingHoursBetween(start, cal.AddWorkingHours(start, hours)) - hours) < 1e-9);

    [Fact]
    public void A_deadline_lands_within_working_hours_of_a_working_day() =>
        Gen.Select(Gen.Int[0, 400].HashSet[0, 40], Gen.Int[0, 400].HashSet[0, 10], Moments, Gen.Int[1, 60 * 8 * 4]).Sample((holidays, makeUps, start, quarters) =>
        {
            var off = holidays.Select(i => Jan1.AddDays(i)).ToHashSet();
            var worked = makeUps.Select(i => Jan1.AddDays(i)).Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToHashSet();
            var due = ChinaTime.ToBeijing(new WorkingCalendar(off, worked).AddWorkingHours(start, quarters / 4.0));
            var day = DateOnly.FromDateTime(due);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            return (worked.Contains(day) || (!weekend && !off.Contains(day)))
                && due.TimeOfDay > TimeSpan.FromHours(WorkingCalendar.DayStartHour) && due.TimeOfDay <= TimeSpan.FromHours(WorkingCalendar.DayEndHour);
        });

    static readonly Gen<string> ValidIds = Gen.Select(Gen.Int[110000, 659999], Gen.Int[0, 40000], Gen.Int[0, 999],
        (region, day, seq) => CitizenId.Make(region.ToString(), new DateOnly(1920, 1, 1).AddDays(day), seq));

    [Fact]
    public void Any_generated_citizen_ID_passes_the_GB_11643_check() => ValidIds.Sample(id => CitizenId.IsValid(id));

    [Fact]
    public void Changing_any_one_character_of_a_citizen_ID_fails_the_check() =>
        Gen.Select(ValidIds, Gen.Int[0, 17], Gen.Int[1, 10]).Sample((id, at, shift) =>
        {
            const string chars = "0123456789X";
            var alphabet = at == 17 ? chars : chars[..10];
            var changed = alphabet[(alphabet.IndexOf(id[at]) + shift % alphabet.Length) % alphabet.Length];
            return changed == id[at] || !CitizenId.IsValid(id[..at] + changed + id[(at + 1)..]);
        });

    static readonly Gen<string> Paths = Gen.Guid.Array[1, 5].Select(ids => "/" + string.Concat(ids.Select(i => i.ToString("N") + "/")));

    [Fact]
    public void Rebasing_a_path_and_rebasing_it_back_gives_the_path() =>
        Gen.Select(Paths, Paths, Paths).Sample((oldRoot, below, newRoot) =>
        {
            var path = oldRoot + below[1..];
            var moved = OrgRules.Rebase(path, oldRoot, newRoot);
            return moved.StartsWith(newRoot, StringComparison.Ordinal) && OrgRules.Rebase(moved, newRoot, oldRoot) == path;
        });

    [Fact]
    public void A_path_outside_the_old_root_is_left_alone() =>
        Gen.Select(Paths, Paths, Paths).Where((path, oldRoot, _) => !path.StartsWith(oldRoot, StringComparison.Ordinal))
            .Sample((path, oldRoot, newRoot) => OrgRules.Rebase(path, oldRoot, newRoot) == path);

    /// <summary>Cell text as people type it: Chinese, Latin, digits, punctuation and spaces (never blank: blank rows are dropped).</summary>
    static readonly Gen<string> Texts = Gen.String[Gen.Char["青禾区东湖街道和平社区党员 abcXYZ0123456789-_.,;:()（）、。"], 1, 24]
        .Where(s => s.Trim().Length > 0);

    /// <summary>Text comes back trimmed: the reader trims every cell, as imports want typed values.</summary>
    [Fact]
    public void Any_table_of_strings_and_numbers_written_to_Excel_reads_back_equal() =>
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 8]).SelectMany((width, height) =>
            Gen.Select(Texts.Array[width], Gen.OneOf<object>(Texts.Select(t => (object)t), Gen.Double[-1e9, 1e9].Select(d => (object)d), Gen.Int.Select(i => (object)(double)i))
                .Array[width].Array[height]))
        .Sample((headers, rows) =>
        {
            var bytes = Xlsx.Write("表", headers, rows.Select(r => (IReadOnlyList<object?>)r.Select(v => v is double d ? Xlsx.Number(d) : v).ToList()));
            var read = Xlsx.ReadRaw(new MemoryStream(bytes), "表")["表"];
            if (read.Count != rows.Length + 1 || !read[0].Cells.SequenceEqual(headers.Select(h => h.Trim()))) return false;
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < headers.Length; c++)
                {
                    var cell = read[r + 1].Cells[c];
                    if (rows[r][c] is double d ? double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) != d : cell != ((string)rows[r][c]).Trim()) return false;
                }
            return true;
        }, iter: 200);
}

/// <summary>Subtree sums (ADR 0039) match each row to the roots it lies under through its own path: the same sums as comparing every row with every root.</summary>
public class SubtreeSumsPropertyTests
{
    /// <summary>Paths of a small tree ("/a/", "/a/b/", …) so that roots and rows nest, share prefixes and miss.</summary>
    static readonly Gen<string> Paths = Gen.Char["abc"].Array[1, 4].Select(segments => "/" + string.Concat(segments.Select(c => c + "/")));

    [Fact]
    public void Each_root_adds_up_exactly_the_rows_at_or_under_it() =>
        Gen.Select(Paths.Array[1, 6], Gen.Select(Paths, Gen.Int[0, 100]).Array[0, 40]).Sample((roots, rows) =>
        {
            var sums = Lianxin.Web.Platform.Indicators.SubtreeSums.PerRoot(roots, rows, r => r.Item1, rs => rs.Sum(r => r.Item2));
            return sums.Count == roots.Distinct().Count()
                && roots.All(root => sums[root] == rows.Where(r => r.Item1.StartsWith(root, StringComparison.Ordinal)).Sum(r => r.Item2));
        });
}
