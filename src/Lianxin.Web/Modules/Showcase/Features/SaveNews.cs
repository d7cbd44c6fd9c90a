using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public class NewsInput
{
    public Guid OrgUnitId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The channels the author proposes; the street decides them when it publishes.</summary>
    public List<NewsChannels> Channels { get; set; } = [];
    public int Version { get; set; }
}

public record NewsSaved(Guid Id, NewsState State, int Version);

/// <summary>Writes a news item as a draft (no id) or edits one while it is still the author's (a draft, or returned by the street).</summary>
public static class SaveNews
{
    public static async Task<Outcome<NewsSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? id, NewsInput r, CancellationToken ct)
    {
        NewsItem? item = null;
        if (id is { } existing)
        {
            item = await db.NewsItems.FirstOrDefaultAsync(n => n.Id == existing, ct);
            if (item is null) return Failure.NotFound;
            if (!db.Scope.Can(ShowcasePermissions.NewsWrite, item.OrgPath)) return Failure.Forbidden;
            if (!ShowcaseRules.Editable(item.State)) return Failure.Conflict($"稿件{item.State.Chinese()}，不能再修改。");
        }
        var unit = await ShowcaseUnits.FindAsync(org, r.OrgUnitId, ct);
        if (unit is null) return Failure.Invalid(nameof(r.OrgUnitId), "请选择供稿单位。");
        if (!db.Scope.Can(ShowcasePermissions.NewsWrite, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(r.Title), r.Title, "请填写标题。");
        e.Max(nameof(r.Title), r.Title, 100, "标题");
        e.Required(nameof(r.Body), r.Body, "请填写正文。");
        e.Max(nameof(r.Body), r.Body, 8000, "正文");
        if ((r.Channels ?? []).Any(c => !ShowcaseRules.AllChannels.Contains(c))) e.Fail(nameof(r.Channels), "发布渠道不正确。");
        if (e.Any) return Failure.Invalid(e);
        if (item is null)
        {
            item = new NewsItem { State = NewsState.Draft, AuthorId = db.Scope.UserId, AuthorName = Clip(db.Scope.UserName, 60), CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.NewsItems.Add(item);
        }
        else
        {
            if (item.Version != r.Version) return Failure.Stale;
            db.Entry(item).Property(x => x.Version).OriginalValue = r.Version;
        }
        item.OrgUnitId = unit.Id;
        item.OrgPath = unit.Path;
        item.Title = r.Title.Trim();
        item.Body = r.Body.Trim();
        item.Channels = ShowcaseRules.Combine(r.Channels);
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new NewsSaved(item.Id, item.State, item.Version);
    }

    internal static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
