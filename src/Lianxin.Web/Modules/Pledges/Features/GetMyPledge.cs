using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>One of the caller's own pledges; another member's is not found.</summary>
public static class GetMyPledge
{
    public static async Task<Outcome<OwnPledgeRow>> HandleAsync(LianxinDb db, MemberDirectory members, Guid id, CancellationToken ct)
    {
        var mine = await ListMyPledges.HandleAsync(db, members, ct);
        if (!mine.IsOk) return new Failure(mine.Kind, mine.Errors, mine.Message);
        return mine.Value!.FirstOrDefault(p => p.Id == id) is { } row ? row : Failure.NotFound;
    }
}
