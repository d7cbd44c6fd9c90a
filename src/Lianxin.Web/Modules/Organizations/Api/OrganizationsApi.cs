namespace Lianxin.Web.Modules.Organizations.Api;

public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/org").WithTags("Organizations").RequireAuthorization();
    }
}
