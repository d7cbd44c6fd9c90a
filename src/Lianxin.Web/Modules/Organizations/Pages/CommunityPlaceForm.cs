using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>
/// The shape shared by the forms of a place inside one community (a compound, a grid): new under
/// <c>?communityId=</c>, edit by id; the community comes from the record or the query, never from the posted form.
/// </summary>
public abstract class CommunityPlaceFormModel<TRequest>(LianxinDb db) : OrgPageModel(db) where TRequest : class, new()
{
    [BindProperty] public TRequest Input { get; set; } = new();
    public Guid? PlaceId { get; private set; }
    public string Title => PlaceId is null ? NewTitle : EditTitle;

    protected abstract string NewTitle { get; }
    protected abstract string EditTitle { get; }
    /// <summary>The saved place's form and community, or null when it is missing or out of scope.</summary>
    protected abstract Task<(TRequest Input, Guid CommunityId)?> FindAsync(Guid id, CancellationToken ct);
    protected abstract void PlaceIn(TRequest input, Guid communityId);
    protected abstract Task<Outcome<PlaceSaved>> SaveAsync(Guid? id, CancellationToken ct);
    protected abstract IActionResult Saved(PlaceSaved saved);
    /// <summary>Loads the choices the form offers (grids, branches).</summary>
    protected abstract Task LoadChoicesAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        if (await LoadAsync(id, communityId, ct) is { } stop) return stop;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        var posted = Input;
        if (await LoadAsync(id, communityId, ct) is { } stop) return stop;
        PlaceIn(posted, Unit.Id);
        Input = posted;
        var outcome = await SaveAsync(id, ct);
        if (!outcome.IsOk) { await ShowAsync(ct); return outcome.ToPage(this, _ => Page()); }
        return Saved(outcome.Value!);
    }

    async Task<IActionResult?> LoadAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        if (id is { } placeId)
        {
            if (await FindAsync(placeId, ct) is not { } found) return NotFound();
            PlaceId = placeId;
            Input = found.Input;
            communityId = found.CommunityId;
        }
        if (communityId is not { } community) return NotFound();
        if (await LoadUnitAsync(community) is { } stop) return stop;
        if (Unit.Kind != OrgKind.Community) return NotFound();
        PlaceIn(Input, community);
        return null;
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        ViewData["Title"] = Title;
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb(Title));
        return Page();
    }
}
