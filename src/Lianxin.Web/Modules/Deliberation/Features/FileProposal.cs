using System.Text.RegularExpressions;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;

namespace Lianxin.Web.Modules.Deliberation.Features;

public class ProposalRequest
{
    public Guid CommunityId { get; set; }
    /// <summary>The compound it is about; none for a matter of the whole community.</summary>
    public Guid? CompoundId { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
}

/// <summary>
/// 网上提议 (source 003): a resident, signed in or not, suggests something to be done — not a complaint to be handled (that is a demand).
/// It becomes a motion of the three-level deliberation: about a compound, at that compound's council (its branch, else its grid branch,
/// else its community); about the whole community, at the community's council. Public names only are read across scope.
/// </summary>
public static partial class FileProposal
{
    public static async Task<Outcome<MotionSaved>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock,
        ProposalRequest r, CancellationToken ct)
    {
        var e = new Errors();
        var community = r.CommunityId == Guid.Empty ? null : await org.FindInDistrictAsync(r.CommunityId, ct);
        if (community is not { Kind: OrgKind.Community, IsActive: true, ParentId: not null }) { e.Fail(nameof(r.CommunityId), "请选择您所在的社区。"); community = null; }
        RaiseMotion.MotionPlace? place = null;
        if (community is not null && r.CompoundId is { } compoundId && compoundId != Guid.Empty
            && ((place = await RaiseMotion.PlaceAsync(org, places, compoundId, ct)) is null || place.CommunityId != community.Id))
            e.Fail(nameof(r.CompoundId), "所选小区不在该社区，请重新选择。");
        e.Required(nameof(r.Title), r.Title, "请填写提议的题目。");
        e.Max(nameof(r.Title), r.Title, 100, "题目");
        e.Required(nameof(r.Content), r.Content, "请写下您的提议：现在的情况和您建议怎么办。");
        e.Max(nameof(r.Content), r.Content, 2000, "提议内容");
        e.Max(nameof(r.ContactName), r.ContactName, 60, "称呼");
        var phone = r.ContactPhone?.Trim().Replace(" ", "");
        if (!string.IsNullOrEmpty(phone) && !PhonePattern().IsMatch(phone)) e.Fail(nameof(r.ContactPhone), "联系电话格式不正确（手机号 11 位，或带区号的固定电话），也可以不填。");
        if (e.Any) return Failure.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        var m = new Motion
        {
            CompoundId = place?.CompoundId ?? Guid.Empty, CompoundName = place?.CompoundName ?? community!.PublicName,
            CommunityId = community!.Id, StreetId = community.ParentId!.Value,
            OrgPath = place?.OrgPath ?? community.Path,
            Level = place is null ? MotionLevel.Community : MotionLevel.Compound,
            HandlerUnitId = place?.Handler.Id ?? community.Id, HandlerPath = place?.Handler.Path ?? community.Path,
            Title = r.Title.Trim(), Description = r.Content.Trim(), ProposerName = Blank(r.ContactName), ContactPhoneCipher = pd.Seal(phone).Cipher,
            Source = MotionSource.Proposal, RaisedByUserId = db.Scope.UserId,
            State = MotionState.Open, RaisedAt = now, LevelSince = now,
        };
        db.Motions.Add(m);
        await db.SaveChangesAsync(ct);
        return new MotionSaved(m.Id, m.Version);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();
}
