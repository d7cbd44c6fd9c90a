using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Features;

public record DualReportDto(Guid Id, ReporterKind Kind, Guid? MemberId, string Name, string? Workplace, Guid CommunityId, string CommunityName,
    DateOnly ReportedOn, string? Skills, string? Availability, string? PostsWanted, string? Liaison, string? Offers,
    DualReportStatus Status, string StatusName, int Version, Guid? PartnerUnitId = null)
{
    /// <summary>A unit reported as free text before it was linked to its partner-unit record.</summary>
    public bool Unlinked => Kind == ReporterKind.Unit && PartnerUnitId is null;

    public static async Task<List<DualReportDto>> FromAsync(OrgDirectory units, IReadOnlyList<DualReport> reports, CancellationToken ct)
    {
        var names = await units.FullNamesAsync(reports.Select(r => r.CommunityId), ct);
        return reports.Select(r => new DualReportDto(r.Id, r.Kind, r.MemberId, r.Name, r.Workplace, r.CommunityId, names.GetValueOrDefault(r.CommunityId, "—"),
            r.ReportedOn, r.Skills, r.Availability, r.PostsWanted, r.Liaison, r.Offers, r.Status, DualReport.Chinese(r.Status), r.Version, r.PartnerUnitId)).ToList();
    }
}

/// <summary>A member reports to the community where they live (双报到), from their own page.</summary>
public class MemberReportForm
{
    [Required(ErrorMessage = "请选择报到社区。")]
    public Guid? CommunityId { get; set; }
    [StringLength(400)]
    public string? Skills { get; set; }
    [StringLength(200)]
    public string? Availability { get; set; }
    [StringLength(200)]
    public string? PostsWanted { get; set; }
}

/// <summary>A partner unit reports to a community (单位报到): the unit is one of co-building's registered partner units.</summary>
public class UnitReportForm
{
    [Required(ErrorMessage = "请选择报到社区。")]
    public Guid? CommunityId { get; set; }
    [Required(ErrorMessage = "请选择报到的共建单位。")]
    public Guid? PartnerUnitId { get; set; }
    [Required(ErrorMessage = "请输入联络人。"), StringLength(60)]
    public string? Liaison { get; set; }
    [StringLength(20)]
    public string? LiaisonPhone { get; set; }
    [StringLength(400)]
    public string? Offers { get; set; }
}

public static class DualReporting
{
    static async Task<OrgUnitRef?> CommunityAsync(OrgDirectory units, Guid? id, CancellationToken ct) =>
        id is { } g && await units.FindInDistrictAsync(g, ct) is { Kind: OrgKind.Community, IsActive: true } unit ? unit : null;

    public static async Task<Outcome<DualReportDto>> ReportMemberAsync(LianxinDb db, OrgDirectory units, TimeProvider clock, MemberReportForm f, CancellationToken ct)
    {
        var me = await Me.FindAsync(db, ct);
        if (me is null) return Failure.Conflict("您的账号尚未关联党员档案，请联系所在支部。");
        if (!me.OnRoster) return Failure.Conflict("党籍状态不在册，不能报到。");
        var community = await CommunityAsync(units, f.CommunityId, ct);
        if (community is null) return Failure.Invalid(nameof(f.CommunityId), "所选社区不存在。");
        if (me.OrgPath.StartsWith(community.Path, StringComparison.Ordinal)) return Failure.Conflict("您的组织关系已在该社区，无需双报到。");
        if (await db.DualReports.AcrossScope().AnyAsync(r => r.MemberId == me.Id && r.CommunityId == community.Id && r.Status != DualReportStatus.Withdrawn, ct))
            return Failure.Conflict("您已向该社区报到。");
        var branch = (await units.FindInDistrictAsync(me.BranchId, ct))?.Name;
        var report = new DualReport
        {
            Kind = ReporterKind.Member, MemberId = me.Id, Name = me.Name, Workplace = me.Workplace ?? branch,
            CommunityId = community.Id, OrgPath = community.Path, ReportedOn = clock.Today(),
            Skills = f.Skills?.Trim(), Availability = f.Availability?.Trim(), PostsWanted = f.PostsWanted?.Trim(), Status = DualReportStatus.Reported,
        };
        db.DualReports.Add(report);
        await db.SaveChangesAsync(ct);
        return (await DualReportDto.FromAsync(units, [report], ct))[0];
    }

    public static async Task<Outcome<DualReportDto>> ReportUnitAsync(LianxinDb db, OrgDirectory units, PartnerUnitDirectory partners, PersonalData pd, TimeProvider clock,
        UnitReportForm f, CancellationToken ct)
    {
        var community = f.CommunityId is { } id ? await units.FindAsync(id, ct) : null;
        if (community is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, community.Path)) return Failure.Forbidden;
        var unit = f.PartnerUnitId is { } pid ? await partners.FindAsync(pid, ct) : null;
        if (unit is null || !PartnerUnitDirectory.Serves(unit, community.Path))
            return Failure.Invalid(nameof(f.PartnerUnitId), "请选择驻在本社区或所属街道的共建单位。");
        var name = unit.Name;
        if (await db.DualReports.AnyAsync(r => r.CommunityId == community.Id && r.Kind == ReporterKind.Unit && (r.PartnerUnitId == unit.Id || r.Name == name)
                && r.Status != DualReportStatus.Withdrawn, ct))
            return Failure.Conflict("该单位已向本社区报到。");
        var phone = f.LiaisonPhone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !(phone.Length is >= 7 and <= 20 && phone.All(c => char.IsAsciiDigit(c) || c == '-')))
            return Failure.Invalid(nameof(f.LiaisonPhone), "联系电话格式不正确。");
        var report = new DualReport
        {
            Kind = ReporterKind.Unit, PartnerUnitId = unit.Id, Name = name, CommunityId = community.Id, OrgPath = community.Path, ReportedOn = clock.Today(),
            Liaison = f.Liaison?.Trim(), LiaisonPhoneCipher = pd.Seal(phone).Cipher, Offers = f.Offers?.Trim(), Status = DualReportStatus.Reported,
        };
        db.DualReports.Add(report);
        await db.SaveChangesAsync(ct);
        return (await DualReportDto.FromAsync(units, [report], ct))[0];
    }

    /// <summary>The member withdraws their own report, or the community closes it.</summary>
    public static async Task<Outcome<DualReportDto>> WithdrawAsync(LianxinDb db, OrgDirectory units, TimeProvider clock, Guid id, int version, CancellationToken ct)
    {
        var me = await Me.FindAsync(db, ct);
        var report = await db.DualReports.AcrossScope().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return Failure.NotFound;
        var own = me is not null && report.MemberId == me.Id;
        if (!own && !db.Scope.Sees(report.OrgPath)) return Failure.NotFound;
        if (!own && !db.Scope.Can(MemberPermissions.MemberManage, report.OrgPath)) return Failure.Forbidden;
        if (report.Version != version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (report.Status == DualReportStatus.Withdrawn) return Failure.Conflict("该报到已撤回。");
        report.Status = DualReportStatus.Withdrawn;
        report.WithdrawnOn = clock.Today();
        await db.SaveChangesAsync(ct);
        return (await DualReportDto.FromAsync(units, [report], ct))[0];
    }

    public static async Task<Outcome<List<DualReportDto>>> ListAsync(LianxinDb db, OrgDirectory units, Guid communityId, CancellationToken ct)
    {
        var community = await units.FindAsync(communityId, ct);
        if (community is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, community.Path)) return Failure.Forbidden;
        var rows = await db.DualReports.AsNoTracking().Where(r => r.CommunityId == communityId).OrderByDescending(r => r.ReportedOn).ThenBy(r => r.Name).ToListAsync(ct);
        return await DualReportDto.FromAsync(units, rows, ct);
    }
}
