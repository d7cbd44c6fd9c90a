using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Campaigns.Pages;

/// <summary>/campaigns/edit/{id?}: the street sets a campaign up, or edits its draft.</summary>
public class EditModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Street { get; set; }
    [BindProperty] public CampaignInput Input { get; set; } = new();
    /// <summary>The checklist as the textarea holds it, one item per line.</summary>
    [BindProperty] public string ItemsText { get; set; } = "";
    public SetupOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var c = await GetCampaign.HandleAsync(db, org, clock, id, ct);
            if (c.Refusal(this) is { } end) return end;
            var v = c.Value!;
            if (!v.CanManage) return Forbid();
            Street = v.StreetId;
            Input = new CampaignInput
            {
                Title = v.Title, Kind = v.Kind, Description = v.Description, StartsOn = v.StartsOn, EndsOn = v.EndsOn, RectifyDays = v.RectifyDays, Version = v.Version,
                CompoundIds = v.Places.Where(p => p.BuildingId is null).Select(p => p.CompoundId).ToList(),
                BuildingIds = v.Places.Where(p => p.BuildingId is not null).Select(p => p.BuildingId!.Value).ToList(),
            };
            ItemsText = string.Join('\n', v.Items.Select(i => i.Text));
        }
        else (Input.StartsOn, Input.EndsOn) = (clock.Today(), clock.Today().AddDays(30));
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Items = ItemsText.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        Street = Input.StreetId;
        return await (await SaveCampaign.HandleAsync(db, org, places, clock, Id, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "专项行动已保存为草稿，确认无误后请启动。";
            return Redirect($"/campaigns/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("专项行动", "/campaigns"), new Platform.Shell.Crumb(Id is null ? "部署专项行动" : "修改专项行动") };
        var options = await CampaignSetup.HandleAsync(db, org, places, Street, ct);
        if (options.Refusal(this) is { } end) return end;
        Options = options.Value!;
        return null;
    }
}
