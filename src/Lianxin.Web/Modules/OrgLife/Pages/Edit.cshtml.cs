using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages;

public class EditModel(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock) : PageModel
{
    [BindProperty] public EditMeetingRequest Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> Branches { get; private set; } = [];
    public IReadOnlyList<string> FixedItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var meeting = await GetMeeting.HandleAsync(db, org, id, ct);
        if (meeting.Refusal(this) is { } end) return end;
        var m = meeting.Value!;
        if (!m.CanRecord) return Forbid();
        Input = new EditMeetingRequest
        {
            BranchId = m.BranchId, Kind = m.Kind, Mode = m.Mode, Date = m.Date, StartTime = m.StartTime, EndTime = m.EndTime, Place = m.Place, Host = m.Host,
            Topic = m.Topic, Agenda = m.Agenda, Minutes = m.Minutes, Decisions = m.Decisions, PartyDayItems = m.PartyDayItems.ToList(),
            PartyDayExtras = string.Join('\n', m.PartyDayExtras), Version = m.Version,
        };
        Load(m);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await EditMeeting.HandleAsync(db, members, clock, id, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "会议信息已保存。";
            if (v.Warnings.Count > 0) TempData["Warnings"] = string.Join("\n", v.Warnings);
            return Redirect($"/orglife/meetings/{v.Id}");
        }, async () => await GetMeeting.HandleAsync(db, org, id, ct) is { IsOk: true } m ? Load(m.Value!) : NotFound());
    }

    IActionResult? Load(MeetingDetail m)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb(m.Topic, $"/orglife/meetings/{m.Id}"), new Platform.Shell.Crumb("修改") };
        Branches = [(m.BranchId, m.Branch)];
        FixedItems = m.PartyDayFixedItems;
        return null;
    }
}
