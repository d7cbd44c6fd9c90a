using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Visits;

/// <summary>A household visit as logged on a phone; with <see cref="RaiseDemand"/> it also files a demand for the household.</summary>
public class VisitInput
{
    public Guid HouseholdId { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public string Findings { get; set; } = "";
    public bool NeedsFollowUp { get; set; }
    public string? FollowUp { get; set; }
    public bool RaiseDemand { get; set; }
    public Guid? CategoryId { get; set; }
    /// <summary>The demand's text; the findings when left empty.</summary>
    public string? DemandDescription { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
}

public record VisitSaved(Guid Id, Guid? DemandId, string? DemandTicket);

public static class LogVisit
{
    public static async Task<Outcome<VisitSaved>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, TimeProvider clock,
        VisitInput r, CancellationToken ct)
    {
        var e = Check(r, clock.Today());
        if (r.HouseholdId == Guid.Empty) e.Fail(nameof(r.HouseholdId), "请选择走访的住户。");
        if (e.Any) return Failure.Invalid(e);
        var household = (await places.HouseholdsAsync([r.HouseholdId], ct)).FirstOrDefault();
        if (household is null || !db.Scope.Sees(household.OrgPath)) return Failure.NotFound with { Message = "未找到该住户，或它不在您的网格和社区内。" };
        if (!db.Scope.Can(OrgLifeWorkPermissions.Visit, household.OrgPath)) return Failure.Forbidden;
        var compound = (await places.CompoundsAsync([household.CompoundId], ct)).Single();
        var building = (await places.BuildingsAsync([household.BuildingId], ct)).Single();

        var now = clock.GetUtcNow().UtcDateTime;
        var visit = new HouseholdVisit
        {
            HouseholdId = household.Id, CommunityId = compound.CommunityId, OrgPath = household.OrgPath,
            Address = $"{compound.Name} {building.Name} {household.Unit} {household.Room}", VisitedOn = r.VisitedOn!.Value,
            VisitorUserId = db.Scope.UserId ?? Guid.Empty, VisitorName = await VisitorNameAsync(db, ct), Findings = r.Findings.Trim(),
            NeedsFollowUp = r.NeedsFollowUp || r.RaiseDemand, FollowUp = Blank(r.FollowUp), CreatedAt = now,
        };
        // The visit and its demand are one step for the visitor: both are saved or neither.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (r.RaiseDemand)
        {
            var raised = await demands.RaiseFromVisitAsync(org, places, clock, new RaisedDemand(compound.CommunityId, r.CategoryId!.Value,
                Blank(r.DemandDescription) ?? visit.Findings, compound.Id, visit.Address, r.ContactName ?? "", r.ContactPhone ?? "", visit.Id), ct);
            if (!raised.IsOk)
            {
                db.ChangeTracker.Clear();
                // The demand's own field names, as this form calls them.
                return raised.Kind == OutcomeKind.Invalid
                    ? Failure.Invalid(Rename(raised.Errors!))
                    : raised.AsFailure();
            }
            visit.DemandId = raised.Value!.Id;
            visit.DemandTicket = raised.Value.TicketNo;
        }
        db.HouseholdVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new VisitSaved(visit.Id, visit.DemandId, visit.DemandTicket);
    }

    internal static Errors Check(VisitInput r, DateOnly today)
    {
        var e = new Errors();
        if (r.VisitedOn is not { } on) e.Fail(nameof(r.VisitedOn), "请填写走访日期。");
        else if (on > today) e.Fail(nameof(r.VisitedOn), "走访日期不能晚于今天。");
        else if (on < today.AddDays(-60)) e.Fail(nameof(r.VisitedOn), "只能登记 60 天以内的走访。");
        if (string.IsNullOrWhiteSpace(r.Findings) || r.Findings.Trim().Length < 2) e.Fail(nameof(r.Findings), "请填写走访发现的情况。");
        e.Max(nameof(r.Findings), r.Findings, 1000, "走访情况");
        if (r.NeedsFollowUp && !r.RaiseDemand) e.Required(nameof(r.FollowUp), r.FollowUp, "请填写需要跟进的事项。");
        e.Max(nameof(r.FollowUp), r.FollowUp, 500, "跟进事项");
        if (r.RaiseDemand)
        {
            if (r.CategoryId is null || r.CategoryId == Guid.Empty) e.Fail(nameof(r.CategoryId), "转为诉求时请选择诉求类别。");
            e.Required(nameof(r.ContactName), r.ContactName, "转为诉求时请填写住户联系人。");
            e.Required(nameof(r.ContactPhone), r.ContactPhone, "转为诉求时请填写联系电话，以便告知办理结果。");
        }
        return e;
    }

    static Errors Rename(IReadOnlyDictionary<string, string[]> errors)
    {
        var e = new Errors();
        foreach (var (key, messages) in errors)
            foreach (var m in messages) e.Fail(key == "Description" ? nameof(VisitInput.DemandDescription) : key, m);
        return e;
    }

    static async Task<string> VisitorNameAsync(LianxinDb db, CancellationToken ct)
    {
        var id = db.Scope.UserId ?? Guid.Empty;
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(name) ? db.Scope.UserName : name;
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
