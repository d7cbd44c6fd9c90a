using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>/org/compounds/new?communityId= and /org/compounds/{id}/edit.</summary>
public class CompoundFormModel(LianxinDb db) : CommunityPlaceFormModel<CompoundRequest>(db)
{
    public List<Grid> Grids { get; private set; } = [];

    protected override string NewTitle => "登记小区";
    protected override string EditTitle => "编辑小区";

    protected override async Task<(CompoundRequest, Guid)?> FindAsync(Guid id, CancellationToken ct) =>
        await Db.Compounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } c
            ? (new CompoundRequest { CommunityId = c.CommunityId, GridId = c.GridId, Name = c.Name, Type = c.Type, Address = c.Address, Version = c.Version }, c.CommunityId)
            : null;

    protected override void PlaceIn(CompoundRequest input, Guid communityId) => input.CommunityId = communityId;

    protected override Task<Outcome<PlaceSaved>> SaveAsync(Guid? id, CancellationToken ct) =>
        id is { } cid ? SaveCompound.EditAsync(Db, cid, Input, ct) : SaveCompound.CreateAsync(Db, Input, ct);

    protected override IActionResult Saved(PlaceSaved saved)
    {
        TempData["Flash"] = $"小区“{Input.Name.Trim()}”已保存。";
        return Redirect($"/org/compounds/{saved.Id}");
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Grids = await Db.Grids.AsNoTracking().Where(g => g.CommunityId == Unit.Id).OrderBy(g => g.Code).ThenBy(g => g.Name).ToListAsync(ct);
}
