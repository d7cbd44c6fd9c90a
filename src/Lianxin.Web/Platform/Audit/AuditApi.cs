using Lianxin.Web.Platform;
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

        group.MapGet("/verify", async Task<Results<Ok<ChainReport>, ForbidHttpResult>> (LianxinDb db, OrgScope scope, AuditChain chain, CancellationToken ct) =>
            scope.CanAnywhere(Permission.AuditView) ? TypedResults.Ok(await chain.VerifyAsync(db, ct)) : TypedResults.Forbid());

        // Newest first; dates are Shanghai calendar days.
        // A cursor is the next or previous of an earlier answer (ADR 0036); the total is capped.
        group.MapGet("/entries", async (string? entity, string? entityId, string? action, string? user, DateOnly? from, DateOnly? to, int? page, int? pageSize, string? cursor,
            LianxinDb db, Microsoft.Extensions.Options.IOptions<Lists.ListOptions> lists, CancellationToken ct) =>
        {
            var outcome = await Pages.AuditSearch.HandleAsync(new(entity, entityId, action, user, from, to, page ?? 1, pageSize ?? 50, cursor), db, lists.Value.CountCap, ct);
            if (outcome.IsOk) return TypedResults.Ok(outcome.Value);
            return outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!, title: "输入有误") : (IResult)TypedResults.Forbid();
        }).Produces<Lists.ListPage<Pages.AuditEntryDto>>();
    }
}
