using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>/deliberation/compounds/{id}: the compound's committee terms, property arrangement, convention with its versions, and motions; staff edit them.</summary>
public class CompoundModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock) : PageModel
{
    [BindProperty] public OwnersCommitteeRequest Committee { get; set; } = new();
    /// <summary>The members as typed, one a line: "姓名 职务 党员".</summary>
    [BindProperty] public string? MemberLines { get; set; }
    [BindProperty] public PropertyRequest Property { get; set; } = new();
    [BindProperty] public ConventionRequest Convention { get; set; } = new();
    public CompoundProfile C { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostCommitteeAsync(Guid id, CancellationToken ct)
    {
        Committee.Members = SaveOwnersCommittee.ParseLines(MemberLines);
        return await Done(id, await SaveOwnersCommittee.HandleAsync(db, places, clock, id, Committee, ct), "Committee", "业委会已登记。", ct);
    }

    public async Task<IActionResult> OnPostPropertyAsync(Guid id, CancellationToken ct) =>
        await Done(id, await SavePropertyArrangement.HandleAsync(db, places, clock, id, Property, ct), "Property", "物业服务已保存。", ct);

    public async Task<IActionResult> OnPostConventionAsync(Guid id, CancellationToken ct) =>
        await Done(id, await EditConvention.HandleAsync(db, places, clock, id, Convention, ct), "Convention", "居民公约已保存为新版本。", ct);

    async Task<IActionResult> Done<T>(Guid id, Outcome<T> outcome, string prefix, string flash, CancellationToken ct) =>
        await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = flash;
            return Redirect($"/deliberation/compounds/{id}");
        }, () => LoadAsync(id, ct), prefix);

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await CompoundQueries.ProfileAsync(db, org, places, clock, id, ct);
        if (c.Refusal(this) is { } end) return end;
        C = c.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("三级议事", "/deliberation"), new Platform.Shell.Crumb("小区自治", "/deliberation/compounds"), new Platform.Shell.Crumb(C.Name) };
        if (Request.Method == "GET")
        {
            if (C.Property is { } p) Property = new PropertyRequest { Kind = p.Kind, Provider = p.Provider, LeadBranch = p.LeadBranch, ServiceBody = p.ServiceBody, Parties = p.Parties, Since = p.Since, Note = p.Note, Version = p.Version };
            if (C.Convention is { } v) Convention = new ConventionRequest { Title = v.Title, Body = v.Versions[0].Body, BaseNumber = v.CurrentNumber, AdoptedBy = v.Versions[0].AdoptedBy };
            else Convention.Title = C.Name + "居民公约";
        }
        return null;
    }
}
