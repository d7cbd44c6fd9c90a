using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Platform.Audit;

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization();

        group.MapGet("/verify", async Task<Results<Ok<ChainReport>, ForbidHttpResult>> (LianxinDb db, OrgScope scope, CancellationToken ct) =>
            scope.CanAnywhere(Permission.AuditView) ? TypedResults.Ok(await AuditChain.VerifyAsync(db, ct)) : TypedResults.Forbid());
    }
}
