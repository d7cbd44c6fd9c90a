using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>The values and errors the shared unit fields show.</summary>
public record UnitFields(string? Name, string? ShortName, string? Code, string? Contact, string? Address, int SortOrder, ModelStateDictionary State)
{
    public string? Error(string field) =>
        State.TryGetValue("Input." + field, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;
}
