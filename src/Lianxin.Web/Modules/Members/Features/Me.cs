using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>The signed-in person's own member row (linked by account), read whatever their role's scope.</summary>
public static class Me
{
    public static Task<Member?> FindAsync(LianxinDb db, CancellationToken ct, bool track = false)
    {
        var userId = db.Scope.UserId;
        var q = db.Members.AcrossScope().Where(m => m.UserId == userId && userId != null);
        return (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }
}
