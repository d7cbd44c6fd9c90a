using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Platform.Identity;

public record TokenRequest([Required(ErrorMessage = "请输入用户名。")] string UserName, [Required(ErrorMessage = "请输入密码。")] string Password);
public record RefreshRequest([Required(ErrorMessage = "缺少刷新令牌。")] string RefreshToken);
public record GrantDto(Guid Id, string Role, string RoleName, Guid OrgUnitId, string OrgPath);
public record MeDto(Guid Id, string UserName, IReadOnlyList<GrantDto> Grants);

/// <summary>Bearer tokens for mobile clients and integrations; the same sign-in rules and log as the login page.</summary>
public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");

        group.MapPost("/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (TokenRequest request, PasswordSignIn signIn, HttpContext http) =>
        {
            var outcome = await signIn.SignInAsync(request.UserName ?? "", request.Password ?? "", IdentityConstants.BearerScheme);
            // On success the bearer handler has already written {accessToken, refreshToken, expiresIn}; failures since the last sign-in wait in the inbox.
            if (outcome.Succeeded) return TypedResults.Empty;
            if (outcome.RetryAfter is not { } wait)
                return TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
            return TooManyRequests.Problem(http, wait, string.Format(outcome.Message, (int)Math.Ceiling(wait.TotalMinutes)), "登录尝试过于频繁");
        }).AllowAnonymous().Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("用户名和密码换取 Bearer 令牌（accessToken 一小时有效，refreshToken 用于续期）");

        group.MapPost("/refresh", async Task<Results<SignInHttpResult, ChallengeHttpResult>> (
            RefreshRequest request, SignInManager<AppUser> signInManager, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock) =>
        {
            var ticket = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { IsDisabled: false } user)
                return TypedResults.Challenge();
            return TypedResults.SignIn(await signInManager.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).WithSummary("以 refreshToken 换取新令牌");

        group.MapGet("/me", Ok<MeDto> (OrgScope scope) => TypedResults.Ok(new MeDto(scope.UserId!.Value, scope.UserName,
            scope.Grants.Select(g => new GrantDto(g.Id, g.Role.ToString(), g.Role.Chinese(), g.OrgUnitId, g.OrgPath)).ToList())))
            .RequireAuthorization().WithSummary("当前用户及其在各组织单元上的角色");
    }
}
