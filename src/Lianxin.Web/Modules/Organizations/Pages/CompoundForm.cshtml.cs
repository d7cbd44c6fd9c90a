using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>/org/compounds/new?communityId= and /org/compounds/{id}/edit.</summary>
public class CompoundFormModel(LianxinDb db) : OrgPageModel(db)
{
    [BindProperty] public CompoundRequest Input { get; set; } = new();
    public Guid? CompoundId { get; private set; }
    public List<Grid> Grids { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        if (await LoadAsync(id, communityId, ct) is { } stop) return stop;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        var posted = Input;
        if (await LoadAsync(id, communityId, ct) is { } stop) return stop;
        posted.CommunityId = Unit.Id;
        Input = posted;
        var outcome = id is { } cid ? await SaveCompound.EditAsync(Db, cid, Input, ct) : await SaveCompound.CreateAsync(Db, Input, ct);
        if (!outcome.IsOk) { await ShowAsync(ct); return Fail(outcome); }
        TempData["Flash"] = $"小区“{Input.Name.Trim()}”已保存。";
        return Redirect($"/org/compounds/{outcome.Value!.Id}");
    }

    async Task<IActionResult?> LoadAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        if (id is { } cid)
        {
            var c = await Db.Compounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == cid, ct);
            if (c is null) return NotFound();
            CompoundId = cid;
            Input = new CompoundRequest { CommunityId = c.CommunityId, GridId = c.GridId, Name = c.Name, Type = c.Type, Address = c.Address, Version = c.Version };
            communityId = c.CommunityId;
        }
        if (communityId is not { } comm) return NotFound();
        if (await LoadUnitAsync(comm) is { } stop) return stop;
        if (Unit.Kind != OrgKind.Community) return NotFound();
        Input.CommunityId = comm;
        return null;
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Grids = await Db.Grids.AsNoTracking().Where(g => g.CommunityId == Unit.Id).OrderBy(g => g.Code).ThenBy(g => g.Name).ToListAsync(ct);
        var title = CompoundId is null ? "登记小区" : "编辑小区";
        ViewData["Title"] = title;
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb(title));
        return Page();
    }
}
