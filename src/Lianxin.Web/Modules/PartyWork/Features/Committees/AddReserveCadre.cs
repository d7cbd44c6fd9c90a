using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

public class ReserveInput
{
    public Guid? CommunityId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The roster member, when the reserve cadre is a party member (the name then comes from the roster).</summary>
    public Guid? MemberId { get; set; }
    public bool Female { get; set; }
    public int? BirthYear { get; set; }
    public string? Education { get; set; }
    public ReserveTrack? Track { get; set; }
    public DateOnly? Since { get; set; }
    public string? Note { get; set; }
}

/// <summary>Records a community's reserve cadre (书记助理、主任助理 post, 领头雁 programme).</summary>
public static class AddReserveCadre
{
    public static async Task<Outcome<Guid>> HandleAsync(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock, ReserveInput r, CancellationToken ct)
    {
        var e = new Errors();
        var community = r.CommunityId is { } cid ? await org.FindAsync(cid, ct) : null;
        if (community is not { Kind: OrgKind.Community }) e.Fail(nameof(r.CommunityId), "请选择社区。");
        else if (!db.Scope.Can(PartyWorkPermissions.Approve, community.Path)) return Failure.Forbidden;
        var name = r.Name?.Trim();
        if (r.MemberId is { } mid)
        {
            var m = await members.FindAsync(mid, ct);
            if (m is not { OnRoster: true }) e.Fail(nameof(r.MemberId), "所选党员不在名册中。");
            else name = m.Name;
        }
        if (string.IsNullOrEmpty(name)) e.Fail(nameof(r.Name), "请填写姓名。");
        e.Max(nameof(r.Name), name, 60, "姓名");
        e.Max(nameof(r.Education), r.Education, 20, "学历");
        e.Max(nameof(r.Note), r.Note, 200, "备注");
        var today = clock.Today();
        if (r.BirthYear is { } y && (y < today.Year - 70 || y > today.Year - 18)) e.Fail(nameof(r.BirthYear), "出生年份不合理。");
        if (r.Track is null || !Enum.IsDefined(r.Track.Value)) e.Fail(nameof(r.Track), "请选择培养类别。");
        if (r.Since is null) e.Fail(nameof(r.Since), "请填写纳入培养的日期。");
        else if (r.Since > today) e.Fail(nameof(r.Since), "日期不能晚于今天。");
        if (e.Any) return Failure.Invalid(e);
        var row = new ReserveCadre
        {
            CommunityId = community!.Id, OrgPath = community.Path, Name = name!, MemberId = r.MemberId, Female = r.Female, BirthYear = r.BirthYear,
            Education = string.IsNullOrWhiteSpace(r.Education) ? null : r.Education.Trim(), Track = r.Track!.Value, Since = r.Since!.Value,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = db.Scope.UserName,
        };
        db.ReserveCadres.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }
}
