using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
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
        var (rules, _, _) = await GetRules.LoadAsync(db, ct);
        var byUnit = rules.ToLookup(r => r.UnitKind, r => (r.Kind, r.PeriodMonths, r.MinCount));
        // The earliest period due in the span starts no earlier than 1 January of its first year.
        var earliest = new DateOnly(from.Year, 1, 1);
        var meetings = await db.Meetings.AcrossScope().AsNoTracking()
            .Where(m => m.OrgPath.StartsWith(subtreePath) && m.HeldOn >= earliest && m.HeldOn <= to && m.Status == MeetingStatus.Active)
            .Select(m => new { m.OrgPath, m.Kind, m.HeldOn, m.LateEntry, Approved = m.LateApprovedAt != null }).ToListAsync(ct);
        var attendance = await db.MeetingAttendance.AcrossScope().AsNoTracking()
            .Where(a => a.OrgPath.StartsWith(subtreePath) && a.HeldOn >= from && a.HeldOn <= to
                && db.Set<Meeting>().Any(m => m.Id == a.MeetingId && m.Status == MeetingStatus.Active))
            .Select(a => new { a.OrgPath, a.MemberId, a.MemberName, a.HeldOn, a.State, Starts = db.Set<Meeting>().Where(m => m.Id == a.MeetingId).Select(m => m.StartsAt).First() })
            .ToListAsync(ct);
        var meetingsOf = meetings.ToLookup(m => m.OrgPath);
        var attendanceOf = attendance.ToLookup(a => a.OrgPath);
        // A branch that held nothing owes what its kind's rules ask: assessed once per kind, not once per branch (a district
        // has thousands of branches, most with no meetings in a quarter).
        var idle = new Dictionary<BranchKind, Assessment>();

        return branches.Select(b =>
        {
            var mine = meetingsOf[b.Path].ToList();
            var counted = mine.Where(m => !m.LateEntry || m.Approved).Select(m => (m.Kind, m.HeldOn)).ToList();
            var assessment = counted.Count > 0 ? Compliance.Assess(byUnit[b.BranchKind], counted, from, to)
                : idle.TryGetValue(b.BranchKind, out var none) ? none : idle[b.BranchKind] = Compliance.Assess(byUnit[b.BranchKind], counted, from, to);
            var marks = attendanceOf[b.Path].ToList();
            var flagged = marks.GroupBy(a => a.MemberId)
                .Select(g => new FlaggedMember(g.Key, g.First().MemberName, Compliance.AbsentStreak(g.OrderBy(a => a.Starts).Select(a => a.State))))
                .Where(f => f.Absences >= Compliance.FlagAfterAbsences).OrderByDescending(f => f.Absences).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
            return new BranchCompliance(b.Id, b.DisplayName, b.Path, assessment.Required, assessment.Credited,
                counted.Count(c => c.HeldOn >= from), mine.Count(m => m.HeldOn >= from && m.LateEntry && !m.Approved),
                marks.Count, marks.Count(a => a.State.Attended()), assessment.Arrears, flagged);
        }).ToList();
    }
}
