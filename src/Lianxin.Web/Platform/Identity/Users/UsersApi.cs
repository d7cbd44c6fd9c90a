using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Platform.Identity.Users;

/// <summary>User and role-grant management for those holding <see cref="Permission.UserManage"/>; the same use cases as the pages.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();

        group.MapGet("/", async (string? q, int? page, int? pageSize, LianxinDb db, IUnitDirectory units, TimeProvider clock, CancellationToken ct) =>
            (await ListUsers.HandleAsync(new(q, page ?? 1, pageSize ?? 20), db, units, clock, ct)).ToApi())
            .Produces<PageOf<UserDto>>().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", async (Guid id, LianxinDb db, IUnitDirectory units, TimeProvider clock, CancellationToken ct) =>
            (await GetUser.HandleAsync(id, db, units, clock, ct)).ToApi())
            .Produces<UserDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (CreateUserRequest request, LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
            (await CreateUser.HandleAsync(request, db, units, users, clock, ct)).ToApi(u => TypedResults.Created($"/api/v1/users/{u.Id}", u)))
            .Produces<UserDto>(StatusCodes.Status201Created).WithRefusals();

        group.MapPost("/{id:guid}/grants", async (Guid id, GrantRoleRequest request, LianxinDb db, IUnitDirectory units, TimeProvider clock, CancellationToken ct) =>
            (await GrantRole.HandleAsync(id, request, db, units, clock, ct)).ToApi())
            .Produces<UserDto>().WithRefusals();

        group.MapDelete("/{id:guid}/grants/{grantId:guid}", async (Guid id, Guid grantId, LianxinDb db, IUnitDirectory units, TimeProvider clock, CancellationToken ct) =>
            (await RevokeGrant.HandleAsync(id, grantId, db, units, clock, ct)).ToApi())
            .Produces<UserDto>().WithRefusals();

        group.MapPost("/{id:guid}/disable", async (Guid id, LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
            (await AccountActions.SetDisabledAsync(id, true, db, units, users, clock, ct)).ToApi())
            .Produces<UserDto>().WithRefusals();

        group.MapPost("/{id:guid}/enable", async (Guid id, LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
            (await AccountActions.SetDisabledAsync(id, false, db, units, users, clock, ct)).ToApi())
            .Produces<UserDto>().WithRefusals();

        group.MapPost("/{id:guid}/password", async (Guid id, ResetPasswordRequest request, LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
            (await AccountActions.ResetPasswordAsync(id, request, db, units, users, clock, ct)).ToApi())
            .Produces<UserDto>().WithRefusals();
    }

    static RouteHandlerBuilder WithRefusals(this RouteHandlerBuilder b) => b.ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
