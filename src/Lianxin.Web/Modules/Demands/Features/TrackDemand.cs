using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>What a resident sees of their demand: progress, and no one's personal data (not even their own, nor one typed into the text).</summary>
public record TrackedDemand(string TicketNo, string Category, string Description, string State, DateTime CreatedAt, bool CanRate,
    string? Outcome, string? Rating, IReadOnlyList<TrackedStep> Steps)
{
    /// <summary>The colour the state is shown in (<see cref="DemandNames.Tone"/>).</summary>
    public string StateTone { get; init; } = "secondary";
    /// <summary>The booked appointment slot (when and where, nothing personal), for services on a resident's behalf.</summary>
    public AppointmentDto? Appointment { get; init; }
}

/// <summary>A step as the public sees it: the unit, not the person; the note only where it is the outcome or a reason.</summary>
public record TrackedStep(DateTime At, string Action, string Unit, string? Note);

public static class TrackDemand
{
    /// <summary>
    /// Finds a demand by ticket and the last four digits of the contact phone. Unfiltered on purpose (the
    /// resident is anonymous); both must match, so a guessed ticket alone reveals nothing.
    /// </summary>
    public static async Task<Demand?> FindAsync(LianxinDb db, string? ticket, string? phoneTail, CancellationToken ct)
    {
        var t = ticket?.Trim().ToUpperInvariant() ?? "";
        var tail = phoneTail?.Trim() ?? "";
        if (t.Length is < 8 or > 20 || tail.Length != 4) return null;
        return await db.Demands.AcrossScope()
            .FirstOrDefaultAsync(d => d.TicketNo == t && d.PhoneTail == tail, ct);
    }

    static readonly DemandAction[] PublicNotes =
        [DemandAction.Submit, DemandAction.Resolve, DemandAction.Return, DemandAction.DepartmentReport, DemandAction.Reopen, DemandAction.Rate, DemandAction.Merge];

    public static async Task<TrackedDemand?> HandleAsync(LianxinDb db, string? ticket, string? phoneTail, CancellationToken ct, TimeProvider? clock = null)
    {
        var d = await FindAsync(db, ticket, phoneTail, ct);
        if (d is null) return null;
        var steps = await db.DemandSteps.AcrossScope().Where(s => s.DemandId == d.Id)
            .OrderBy(s => s.At).ToListAsync(ct);
        // The page is anonymous: a phone or ID number typed into the text is masked like the contact's own (ADR 0030).
        return new TrackedDemand(d.TicketNo, d.CategoryName, FreeText.Public(d.Description), d.State.Chinese(), d.CreatedAt, d.State == DemandState.Resolved,
            d.Outcome is null ? null : FreeText.Public(d.Outcome), d.Rating?.Chinese(),
            steps.Select(s => new TrackedStep(s.At, s.Action.Chinese(), s.UnitName, PublicNotes.Contains(s.Action) && s.Note is not null ? FreeText.Public(s.Note) : null)).ToList())
        {
            StateTone = d.State.Tone(),
            Appointment = await ServiceSlots.OfAsync(db, clock ?? TimeProvider.System, d, ct),
        };
    }
}
