using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public class RaisePledgeInput
{
    /// <summary>The practical matter (实事) as residents will read it; "place：finding" when left blank.</summary>
    public string? Title { get; set; }
    public string ResponsiblePerson { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A finding worth a practical matter for residents (我为群众办实事, e.g. a shared charging shed): published as
/// <see cref="CampaignFindingPledged"/>, and Pledges adds a draft pledge of the place's community for staff to publish. Once per finding.
/// </summary>
public static class RaisePledge
{
    public static async Task<Outcome<FindingSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid findingId, RaisePledgeInput r, CancellationToken ct)
    {
        var f = await db.CampaignFindings.FirstOrDefaultAsync(x => x.Id == findingId, ct);
        if (f is null) return Failure.NotFound;
        if (!db.Scope.Can(CampaignPermissions.Rectify, f.OrgPath)) return Failure.Forbidden;
        if (f.PledgeRaisedAt is not null) return Failure.Conflict("该问题已列入为民办实事。");
        if (f.Version != r.Version) return Failure.Stale;
        var place = await db.CampaignPlaces.AsNoTracking().FirstAsync(p => p.Id == f.PlaceId, ct);
        var title = string.IsNullOrWhiteSpace(r.Title) ? $"{place.Name}：{f.Text}" : r.Title.Trim();
        var e = new Errors();
        if (!string.IsNullOrWhiteSpace(r.Title)) e.Max(nameof(r.Title), r.Title, 100, "实事名称");
        e.Required(nameof(r.ResponsiblePerson), r.ResponsiblePerson, "请填写责任人。");
        e.Max(nameof(r.ResponsiblePerson), r.ResponsiblePerson, 60, "责任人");
        if (r.DueOn is not { } due) e.Fail(nameof(r.DueOn), "请填写承诺完成日期。");
        else if (due < clock.Today()) e.Fail(nameof(r.DueOn), "承诺完成日期不能早于今天。");
        if (e.Any) return Failure.Invalid(e);
        var community = await org.FindInDistrictAsync(f.CommunityId, ct);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == f.CampaignId).Select(c => c.Title).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(f).Property(x => x.Version).OriginalValue = r.Version;
        f.PledgeRaisedAt = now;
        db.Publish(new CampaignFindingPledged(f.Id, f.CommunityId, community?.Path ?? f.OrgPath, title.Length > 100 ? title[..100] : title,
            $"{campaign}检查发现：{place.Name}，{f.Text}", r.ResponsiblePerson.Trim(), r.DueOn!.Value), now);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new FindingSaved(f.Id, f.Version);
    }
}
