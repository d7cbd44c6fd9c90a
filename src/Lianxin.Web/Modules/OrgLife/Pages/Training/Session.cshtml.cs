using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Training;

/// <summary>/orglife/training/{id}: a session, its sign-in code on the organiser's screen, who signed in, hand sign-in, enrolment, scores and the ranking.</summary>
public class SessionModel(LianxinDb db, OrgDirectory org, MemberDirectory members, TrainingCodes codes, TimeProvider clock) : PageModel
{
    [BindProperty] public HandSignIn Hand { get; set; } = new(Guid.Empty);
    [BindProperty] public EnrolRequest Enrol { get; set; } = new([]);
    [BindProperty] public ScoresRequest Scores { get; set; } = new([]);
    public TrainingDetail Session { get; private set; } = null!;
    public string? SignInUrl { get; private set; }
    public string QrSvg { get; private set; } = "";
    public IReadOnlyList<AudienceMember> NotSigned { get; private set; } = [];
    public IReadOnlyList<AudienceMember> NotEnrolled { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSignInAsync(Guid id, CancellationToken ct) =>
        await (await SignInByHand.HandleAsync(db, members, clock, id, Hand, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = v.Already ? $"{v.Name} 已签到过。" : $"{v.Name} 已签到。";
            return Redirect($"/orglife/training/{id}");
        }, () => LoadAsync(id, ct), "Hand");

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, CancellationToken ct) =>
        await (await EnrolMembers.HandleAsync(db, members, clock, id, Enrol, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"已为 {v.Added} 名党员报名。";
            return Redirect($"/orglife/training/{id}");
        }, () => LoadAsync(id, ct), "Enrol");

    public async Task<IActionResult> OnPostScoresAsync(Guid id, CancellationToken ct) =>
        await (await RecordScores.HandleAsync(db, id, Scores, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "成绩已保存。";
            return Redirect($"/orglife/training/{id}");
        }, () => LoadAsync(id, ct), "Scores");

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var s = await GetTraining.HandleAsync(db, org, codes, id, ct);
        if (s.Refusal(this) is { } end) return end;
        Session = s.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("培训与月练兵", "/orglife/training"), new Platform.Shell.Crumb(Session.Title) };
        if (Session.SignInPath is { } path)
        {
            SignInUrl = $"{Request.Scheme}://{Request.Host}{path}";
            QrSvg = TrainingCodes.Svg(SignInUrl);
        }
        if (Session.CanOrganise && !Session.Cancelled && (await ListAudience.HandleAsync(db, members, id, ct)).Value is { } audience)
        {
            NotSigned = audience.Where(a => !a.SignedIn).ToList();
            NotEnrolled = audience.Where(a => !a.Enrolled).ToList();
        }
        return null;
    }
}
