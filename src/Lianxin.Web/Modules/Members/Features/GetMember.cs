using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Localization;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Features;

public record StatusChangeDto(MemberStatus? From, MemberStatus To, string ToName, DateOnly On, string? Reason, string RecordedBy);
public record TransferDto(TransferKind Kind, string KindName, string? From, string? To, DateOnly On, string? Reason, string RecordedBy);
public record ClaimSummary(Guid ClaimId, Guid PostId, string PostTitle, string PostKind, ClaimStatus Status, string StatusName, string? Pledge);
public record DutyDto(string Title, string Detail);
public record MemberCard(MemberDto Member, IReadOnlyList<StatusChangeDto> StatusHistory, IReadOnlyList<TransferDto> Transfers,
    IReadOnlyList<ClaimSummary> Posts, IReadOnlyList<DutyDto> Duties, IReadOnlyList<DualReportDto> DualReports);

/// <summary>The member card: the member, both histories, posts held, duties and dual reports.</summary>
public static class GetMember
{
    public static async Task<Outcome<MemberCard>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, m.OrgPath)) return Failure.Forbidden;
        return await CardAsync(db, units, places, pd, clock, m, ct);
    }

    /// <summary>Also used for "my card", where the member reads their own row.</summary>
    public static async Task<MemberCard> CardAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, Member m, CancellationToken ct)
    {
        var dto = (await db.ToDtosAsync(units, places, pd, [m], clock.Today(), ct))[0];
        // The member's own histories are read whole: a transfer out of the caller's subtree still belongs to this card.
        var statuses = await db.MemberStatusChanges.AcrossScope().AsNoTracking().Where(s => s.MemberId == m.Id)
            .OrderBy(s => s.On).ThenBy(s => s.RecordedAt).ToListAsync(ct);
        var transfers = await db.MemberTransfers.AcrossScope().AsNoTracking().Where(s => s.MemberId == m.Id)
            .OrderBy(s => s.On).ThenBy(s => s.RecordedAt).ToListAsync(ct);
        var unitIds = transfers.SelectMany(x => new[] { x.FromBranchId, x.ToBranchId }).Where(x => x is not null).Select(x => x!.Value).Distinct().ToList();
        var names = await units.FullNamesAsync(unitIds, ct);
        string? Name(Guid? id, string? outside) => id is { } g ? names.GetValueOrDefault(g, "—") : outside;
        var claims = await (from c in db.PostClaims.AcrossScope().AsNoTracking()
                            join p in db.Posts.AcrossScope() on c.PostId equals p.Id
                            where c.MemberId == m.Id
                            orderby c.ClaimedAt descending
                            select new { c, p }).ToListAsync(ct);
        var duties = new List<DutyDto>();
        foreach (var x in claims.Where(x => x.c.Status == ClaimStatus.Approved))
            duties.Add(new DutyDto(x.p.Title, x.p.Duties ?? Post.Chinese(x.p.Kind)));
        var central = await db.CentralHouseholds.AcrossScope().AsNoTracking()
            .Where(c => c.MemberId == m.Id && c.Status == CentralHouseholdStatus.Approved).ToListAsync(ct);
        foreach (var c in central)
        {
            var n = await db.CentralHouseholdLinks.AcrossScope().CountAsync(l => l.CentralHouseholdId == c.Id, ct);
            duties.Add(new DutyDto(Text.Of("党员中心户"), (c.Duties ?? Text.Of(CentralHouseholdDuties.Default)) + string.Format(Text.Of("（联系 {0} 户）"), n)));
        }
        // Offices held in the member's own branch or its groups (网格党支部书记, 党小组长…), by account or by name.
        var positions = (await places.CurrentPositionsUnderAsync(m.OrgPath, ct))
            .Where(p => (m.UserId != null && p.UserId == m.UserId) || p.PersonName == m.Name).ToList();
        var offices = (await units.ManyAsync(positions.Select(p => p.OrgUnitId), ct)).ToDictionary(u => u.Id);
        foreach (var p in positions.Where(p => offices.ContainsKey(p.OrgUnitId)))
        {
            var u = offices[p.OrgUnitId];
            duties.Add(OfficeDuties.Of(p.Title, u.Name, u.Kind, u.BranchKind));
        }
        var zones = await (from z in db.ZoneMembers.AcrossScope() join zone in db.ResponsibilityZones.AcrossScope() on z.ZoneId equals zone.Id
                           where z.MemberId == m.Id && z.EndedOn == null && zone.EndedOn == null select new { zone.Name, zone.Area, z.Role }).ToListAsync(ct);
        foreach (var z in zones) duties.Add(new DutyDto(string.Format(Text.Of("党员责任区：{0}"), z.Name), $"{z.Role ?? Text.Of("责任人")} · {z.Area}"));
        var led = await db.BuildingLeaders.AcrossScope().AsNoTracking().Where(l => l.MemberId == m.Id && l.EndedOn == null).Select(l => new { l.BuildingId, l.StartedOn }).ToListAsync(ct);
        var ledNames = (await places.BuildingsAsync(led.Select(l => l.BuildingId), ct)).ToDictionary(b => b.Id, b => b.Name);
        foreach (var l in led) duties.Add(new DutyDto(string.Format(Text.Of("楼栋长：{0}"), ledNames.GetValueOrDefault(l.BuildingId, "—")),
            string.Format(Text.Of("自 {0} 起联系本楼栋住户，收集反映诉求"), l.StartedOn.ToString("yyyy-MM-dd"))));
        var reports = await db.DualReports.AcrossScope().AsNoTracking().Where(r => r.MemberId == m.Id)
            .OrderByDescending(r => r.ReportedOn).ToListAsync(ct);
        return new MemberCard(dto,
            statuses.Select(s => new StatusChangeDto(s.From, s.To, s.To.Chinese(), s.On, s.Reason, s.RecordedBy)).ToList(),
            transfers.Select(x => new TransferDto(x.Kind, x.Kind.Chinese(), Name(x.FromBranchId, x.Kind == TransferKind.TransferIn ? x.OutsideOrg : null),
                Name(x.ToBranchId, x.Kind == TransferKind.TransferOut ? x.OutsideOrg : null), x.On, x.Reason, x.RecordedBy)).ToList(),
            claims.Select(x => new ClaimSummary(x.c.Id, x.p.Id, x.p.Title, Post.Chinese(x.p.Kind), x.c.Status, Post.Chinese(x.c.Status), x.c.Pledge)).ToList(),
            duties,
            await DualReportDto.FromAsync(units, reports, ct));
    }
}

/// <summary>The duties of the offices of the last three grid levels (000: 明确网格党支部书记和网格党小组长与党员中心户的工作职责).</summary>
public static class OfficeDuties
{
    public static DutyDto Of(string title, string unitName, OrgKind kind, BranchKind branchKind) => (title, kind, branchKind) switch
    {
        ("书记", OrgKind.Branch, BranchKind.Grid) => new(Text.Of("网格党支部书记"), string.Format(Text.Of("{0}：统筹网格党建和基层治理，组织网格内党员亮身份、认岗位，收集并协调解决居民诉求，指导党小组和党员中心户开展工作"), unitName)),
        ("党小组长", _, _) => new(Text.Of("网格党小组长"), string.Format(Text.Of("{0}：组织党小组学习和活动，联系小组党员，带领党员中心户走访住户、反映民情"), unitName)),
        _ => new($"{unitName}{title}", Text.Of("按党组织分工履行职责")),
    };
}

public static class CentralHouseholdDuties
{
    /// <summary>Source 000: what a central household does for the households it looks after.</summary>
    public const string Default = "联系周边住户，宣传政策、收集诉求、化解矛盾、帮扶困难群众";
}
