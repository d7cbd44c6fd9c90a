using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Contracts;
using System.Text.Json;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public record PanelSeat(Guid UserId, string? PanelRole);

/// <summary>A stop on the itinerary: units (or, in a building round, buildings) are visited in list order, optionally at a set time.</summary>
public record Visit(Guid UnitId, DateTime? At);

public class CreateRoundRequest
{
    public Guid OwnerUnitId { get; set; }
    public string Name { get; set; } = "";
    public Guid RubricId { get; set; }
    /// <summary>Buildings: <see cref="Units"/> lists building ids (楼栋) of compounds below the owner, scored for 星级楼组.</summary>
    public ReviewTarget Target { get; set; }
    public List<Visit> Units { get; set; } = [];
    public List<PanelSeat> Panel { get; set; } = [];
    public AggregationRule Aggregation { get; set; }
    public int TrimMinReviewers { get; set; } = 5;
    public Dictionary<string, double>? RoleWeights { get; set; }
    /// <summary>The days of the visits (China dates); visit times must fall inside them.</summary>
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}

public record RoundCreated(Guid Id);

public static class CreateRound
{
    public static async Task<Outcome<RoundCreated>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, CreateRoundRequest r, CancellationToken ct)
    {
        var owner = await org.FindAsync(r.OwnerUnitId, ct);
        if (owner is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewManage, owner.Path)) return Failure.Forbidden;

        var e = new Errors();
        e.Required("Name", r.Name, "请填写观摩轮次名称。");
        e.Max("Name", r.Name, 100, "轮次名称");
        var rubric = await db.Rubrics.FirstOrDefaultAsync(x => x.Id == r.RubricId, ct);
        if (rubric is null) e.Fail("RubricId", "请选择评分细则。");
        var buildings = r.Target == ReviewTarget.Buildings;
        if (!Enum.IsDefined(r.Target)) e.Fail("Target", "观摩对象只能是组织或楼栋。");
        if (r.Units.Count == 0) e.Fail("Units", buildings ? "请至少选择一栋被评楼栋。" : "请至少选择一个被观摩单位。");
        if (r.Units.Select(u => u.UnitId).Distinct().Count() != r.Units.Count) e.Fail("Units", buildings ? "被评楼栋不能重复。" : "被观摩单位不能重复。");
        var ids = r.Units.Select(u => u.UnitId).ToList();
        // Read across the district, but only units (or buildings of compounds) below the owner, whom the caller sees, pass the check below.
        var units = buildings ? await BuildingsAsync(places, owner, ids, ct) : await UnitsAsync(org, owner, ids, ct);
        if (units.Count != ids.Distinct().Count())
            e.Fail("Units", buildings ? "被评楼栋须是本单位辖区内小区的楼栋。" : "被观摩单位须是本单位的下级组织。");
        if (buildings && rubric is not null && rubric.Purpose != RubricPurpose.StarBuilding)
            e.Fail("RubricId", "楼栋评星须使用“星级楼组”细则。");
        // An indicator is read for an org unit; a building has none.
        if (buildings && rubric is not null && rubric.Definition.Items.Any(i => i.Indicator is not null))
            e.Fail("RubricId", "楼栋评星的细则不能有从指标取数的评分项。");
        if (r.Panel.Count == 0) e.Fail("Panel", "请至少安排一名评委。");
        if (r.Panel.Select(p => p.UserId).Distinct().Count() != r.Panel.Count) e.Fail("Panel", "评委不能重复。");
        var userIds = r.Panel.Select(p => p.UserId).ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id) && !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        if (users.Count != userIds.Distinct().Count()) e.Fail("Panel", "评委中有账号不存在或已停用。");
        if (r.Panel.Any(p => (p.PanelRole?.Length ?? 0) > 20)) e.Fail("Panel", "评委角色不能超过 20 个字符。");
        if (r.Aggregation == AggregationRule.TrimmedMean && r.TrimMinReviewers is < 3 or > 50) e.Fail("TrimMinReviewers", "去掉最高最低分所需的最少评委数须在 3 到 50 之间。");
        if (r.RoleWeights?.Any(w => w.Value <= 0 || w.Value > 10) == true) e.Fail("RoleWeights", "角色权重须大于 0 且不超过 10。");
        foreach (var (key, why) in Itinerary.Check(r.StartsOn, r.EndsOn,
                     r.Units.Select(v => (units.FirstOrDefault(u => u.Id == v.UnitId) is { } u ? u.Name : "", v.At?.ToUniversalTime())).ToList()))
            e.Fail(key, why);
        if (e.Any) return Failure.Invalid(e);

        // The previous round of the same owner over the same kind of target: the source of "change versus last time".
        var previous = await db.ReviewRounds.Where(x => x.OwnerUnitId == owner.Id && x.Target == r.Target && x.State == RoundState.Published)
            .OrderByDescending(x => x.PublishedAt).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        var round = new ReviewRound
        {
            Name = r.Name.Trim(), RubricId = rubric!.Id, OwnerUnitId = owner.Id, OrgPath = owner.Path, State = RoundState.Draft,
            Aggregation = r.Aggregation, TrimMinReviewers = r.TrimMinReviewers,
            RoleWeightsJson = JsonSerializer.Serialize(r.RoleWeights ?? []), PreviousRoundId = previous, CreatedAt = clock.Now(),
            StartsOn = r.StartsOn, EndsOn = r.StartsOn is null ? null : r.EndsOn ?? r.StartsOn, Target = r.Target,
        };
        db.ReviewRounds.Add(round);
        var order = 1;
        foreach (var v in r.Units)
        {
            var u = units.First(x => x.Id == v.UnitId);
            db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = u.Id, UnitName = u.Name, OrgPath = u.Path, VisitOrder = order++, VisitAt = v.At?.ToUniversalTime() });
        }
        foreach (var p in r.Panel)
            db.Panelists.Add(new Panelist { RoundId = round.Id, UserId = p.UserId, DisplayName = users.First(x => x.Id == p.UserId).DisplayName, PanelRole = string.IsNullOrWhiteSpace(p.PanelRole) ? "评委" : p.PanelRole.Trim(), OrgPath = owner.Path });
        await db.SaveChangesAsync(ct);
        return new RoundCreated(round.Id);
    }

    /// <summary>What a round visits, whichever kind: its id, the name shown, the path its rows are scoped by.</summary>
    record Subject(Guid Id, string Name, string Path);

    static async Task<List<Subject>> UnitsAsync(OrgDirectory org, OrgUnitRef owner, List<Guid> ids, CancellationToken ct) =>
        (await org.ManyAsync(ids, ct)).Where(u => u.Path != owner.Path && u.Path.StartsWith(owner.Path, StringComparison.Ordinal))
            .Select(u => new Subject(u.Id, u.DisplayName, u.Path)).ToList();

    /// <summary>Buildings of compounds that belong to the owner or a unit below it, named "小区 楼栋" and scoped by their compound's unit.</summary>
    static async Task<List<Subject>> BuildingsAsync(PlaceDirectory places, OrgUnitRef owner, List<Guid> ids, CancellationToken ct)
    {
        var buildings = (await places.BuildingsAsync(ids, ct)).Where(b => b.OrgPath.StartsWith(owner.Path, StringComparison.Ordinal)).ToList();
        var compounds = (await places.CompoundsAsync(buildings.Select(b => b.CompoundId), ct)).ToDictionary(c => c.Id, c => c.Name);
        return buildings.Select(b => new Subject(b.Id, BuildingStars.NameOf(compounds.GetValueOrDefault(b.CompoundId), b.Name), b.OrgPath)).ToList();
    }
}
