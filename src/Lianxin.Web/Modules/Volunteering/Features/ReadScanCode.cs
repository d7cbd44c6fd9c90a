using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record ScanCodeView(Guid ActivityId, string Title, bool CheckedIn);

/// <summary>What a scanned code opens: the activity, and whether the caller is already checked in (the button then checks out).</summary>
public static class ReadScanCode
{
    public static async Task<Outcome<ScanCodeView>> HandleAsync(LianxinDb db, ScanCodes codes, string? token, CancellationToken ct)
    {
        if (codes.Read(token) is not { } id || await Volunteers.ActivityAsync(db, id, ct) is not { } activity) return Failure.Invalid("", Platform.Localization.Text.Of(Scan.BadCode));
        var me = db.Scope.UserId;
        var checkedIn = await db.Signups.AcrossScope().AnyAsync(s => s.ActivityId == id && s.UserId == me && s.Status != SignupStatus.Cancelled && s.CheckedInAt != null, ct);
        return new ScanCodeView(activity.Id, activity.Title, checkedIn);
    }
}
