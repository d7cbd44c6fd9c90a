using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Pledges.Pages;

/// <summary>/pledges/mine/form[/{id}]: a member enters a pledge of their own, or edits one waiting or returned, on a phone as on a desk.</summary>
public class MineFormModel(LianxinDb db, MemberDirectory members, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public OwnPledgeRequest Input { get; set; } = new();
    public OwnPledgeRow? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var row = await GetMyPledge.HandleAsync(db, members, existing, ct);
            if (row.Refusal(this) is { } end) return end;
            Editing = row.Value!;
            Input = new OwnPledgeRequest
            {
                Title = Editing.Title, Description = Editing.Description, StartOn = Editing.StartOn, DueOn = Editing.DueOn, Version = Editing.Version,
                Tasks = Editing.Tasks.Select(t => new PledgeTaskInput { Title = t.Title, DueOn = t.DueOn }).ToList(),
            };
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = id is { } existing
            ? await EditOwnPledge.HandleAsync(db, members, org, clock, existing, Input, ct)
            : await SubmitOwnPledge.HandleAsync(db, members, org, clock, Input, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "承诺已提交，等待支部书记审核。";
            return Redirect("/pledges/mine");
        }, async () =>
        {
            if (id is { } e) Editing = (await GetMyPledge.HandleAsync(db, members, e, ct)).Value;
            Pad();
        });
    }

    void Pad()
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("我的承诺", "/pledges/mine"), new Platform.Shell.Crumb(Editing is null ? "我要承诺" : "修改承诺") };
        while (Input.Tasks.Count < 3) Input.Tasks.Add(new());
    }
}
