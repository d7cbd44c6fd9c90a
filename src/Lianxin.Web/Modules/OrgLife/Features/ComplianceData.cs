using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record FlaggedMember(Guid MemberId, string Name, int Absences);

/// <summary>One branch over a span: what was due and credited, its arrears, its attendance, and members absent three times or more in a row.</summary>
public record BranchCompliance(Guid BranchId, string Branch, string Path, int Required, int Credited, int Held, int LateUnapproved,
    int Marked, int Attended, IReadOnlyList<Arrear> Arrears, IReadOnlyList<FlaggedMember> Flagged)
{
    public decimal? Rate => Required == 0 ? null : (decimal)Credited / Required;
    public decimal? AttendanceRate => Marked == 0 ? null : (decimal)Attended / Marked;
}

/// <summary>The sums of <see cref="BranchCompliance"/> over the active branches of a subtree: what its figures need.</summary>
public record ComplianceTotals(int Held, int Credited, int Required, int Attended, int Marked)
{
    public static readonly ComplianceTotals None = new(0, 0, 0, 0, 0);

    public ComplianceTotals Plus(ComplianceTotals o) =>
        new(Held + o.Held, Credited + o.Credited, Required + o.Required, Attended + o.Attended, Marked + o.Marked);
}

/// <summary>
/// Reads the meetings and attendance of a subtree once and assesses every active branch in it against the district's rules.
/// Shared by the arrears page and the indicators; it reads across scope, so callers check the subtree is theirs.
/// </summary>
public static class ComplianceData
{
    public static async Task<IReadOnlyList<BranchCompliance>> AssessAsync(LianxinDb db, OrgDirectory org, string subtreePath, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var branches = await org.ActiveUnderAsync(subtreePath, OrgKind.Branch, ct);
        if (branches.Count == 0) return [];
        var assess = await AssessorAsync(db, from, to, ct);
        var meetingsOf = await MeetingsAsync(db, subtreePath, from, to, ct);
        var attendance = await Attendance(db, subtreePath, from, to)
            .Select(a => new { a.OrgPath, a.MemberId, a.MemberName, a.HeldOn, a.State, Starts = db.Set<Meeting>().Where(m => m.Id == a.MeetingId).Select(m => m.StartsAt).First() })
            .ToListAsync(ct);
        var attendanceOf = attendance.ToLookup(a => a.OrgPath);

        return branches.Select(b =>
        {
            var mine = meetingsOf[b.Path].ToList();
            var counted = Counted(mine);
            var assessment = assess(b.BranchKind, counted);
            var marks = attendanceOf[b.Path].ToList();
            var flagged = marks.GroupBy(a => a.MemberId)
                .Select(g => new FlaggedMember(g.Key, g.First().MemberName, Compliance.AbsentStreak(g.OrderBy(a => a.Starts).Select(a => a.State))))
                .Where(f => f.Absences >= Compliance.FlagAfterAbsences).OrderByDescending(f => f.Absences).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
            return new BranchCompliance(b.Id, b.DisplayName, b.Path, assessment.Required, assessment.Credited,
                counted.Count(c => c.HeldOn >= from), mine.Count(m => m.HeldOn >= from && m.LateEntry && !m.Approved),
                marks.Count, marks.Count(a => a.State.Attended()), assessment.Arrears, flagged);
        }).ToList();
    }

    /// <summary>
    /// The same assessment summed for each of <paramref name="paths"/> (the indicators, ADR 0046): every active branch under their
    /// common ancestor assessed once, attendance counted per branch and state in SQL, no names and no flagged members.
    /// </summary>
    public static async Task<Dictionary<string, ComplianceTotals>> TotalsAsync(LianxinDb db, OrgDirectory org, IReadOnlyCollection<string> paths,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var root = SubtreeSums.Common(paths);
        var branches = await org.ActiveBranchesUnderAsync(root, ct);
        if (branches.Count == 0) return paths.Distinct().ToDictionary(p => p, _ => ComplianceTotals.None);
        var assess = await AssessorAsync(db, from, to, ct);
        var meetingsOf = await MeetingsAsync(db, root, from, to, ct);
        var marksOf = (await Attendance(db, root, from, to)
                .GroupBy(a => new { a.OrgPath, a.State }).Select(g => new { g.Key.OrgPath, g.Key.State, N = g.Count() }).ToListAsync(ct))
            .ToLookup(a => a.OrgPath);
        var rows = branches.Select(b =>
        {
            var counted = Counted(meetingsOf[b.Path]);
            var assessment = assess(b.Kind, counted);
            var marks = marksOf[b.Path];
            return (b.Path, Totals: new ComplianceTotals(counted.Count(c => c.HeldOn >= from), assessment.Credited, assessment.Required,
                marks.Where(a => a.State.Attended()).Sum(a => a.N), marks.Sum(a => a.N)));
        }).ToList();
        return SubtreeSums.PerRoot(paths, rows, r => r.Path, rs => rs.Aggregate(ComplianceTotals.None, (sum, r) => sum.Plus(r.Totals)));
    }

    sealed record HeldMeeting(string OrgPath, MeetingKind Kind, DateOnly HeldOn, bool LateEntry, bool Approved);

    /// <summary>The active meetings under <paramref name="subtreePath"/> that can count in the span, per unit path.</summary>
    static async Task<ILookup<string, HeldMeeting>> MeetingsAsync(LianxinDb db, string subtreePath, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // The earliest period due in the span starts no earlier than 1 January of its first year.
        var earliest = new DateOnly(from.Year, 1, 1);
        return (await db.Meetings.AcrossScope().AsNoTracking()
            .Where(m => m.OrgPath.StartsWith(subtreePath) && m.HeldOn >= earliest && m.HeldOn <= to && m.Status == MeetingStatus.Active)
            .Select(m => new HeldMeeting(m.OrgPath, m.Kind, m.HeldOn, m.LateEntry, m.LateApprovedAt != null)).ToListAsync(ct))
            .ToLookup(m => m.OrgPath);
    }

    /// <summary>The attendance marks under <paramref name="subtreePath"/> in the span, of active meetings only.</summary>
    static IQueryable<MeetingAttendance> Attendance(LianxinDb db, string subtreePath, DateOnly from, DateOnly to) =>
        db.MeetingAttendance.AcrossScope().AsNoTracking()
            .Where(a => a.OrgPath.StartsWith(subtreePath) && a.HeldOn >= from && a.HeldOn <= to
                && db.Set<Meeting>().Any(m => m.Id == a.MeetingId && m.Status == MeetingStatus.Active));

    /// <summary>The meetings that count: late entries only once approved.</summary>
    static List<(MeetingKind Kind, DateOnly HeldOn)> Counted(IEnumerable<HeldMeeting> meetings) =>
        meetings.Where(m => !m.LateEntry || m.Approved).Select(m => (m.Kind, m.HeldOn)).ToList();

    /// <summary>
    /// Assesses a branch of a kind against the district's rules. A branch that held nothing owes what its kind's rules ask: assessed
    /// once per kind, not once per branch (a district has thousands of branches, most with no meetings in a quarter).
    /// </summary>
    static async Task<Func<BranchKind, List<(MeetingKind Kind, DateOnly HeldOn)>, Assessment>> AssessorAsync(LianxinDb db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (rules, _, _) = await GetRules.LoadAsync(db, ct);
        var byUnit = rules.ToLookup(r => r.UnitKind, r => (r.Kind, r.PeriodMonths, r.MinCount));
        var idle = new Dictionary<BranchKind, Assessment>();
        return (kind, counted) => counted.Count > 0 ? Compliance.Assess(byUnit[kind], counted, from, to)
            : idle.TryGetValue(kind, out var none) ? none : idle[kind] = Compliance.Assess(byUnit[kind], counted, from, to);
    }
}
