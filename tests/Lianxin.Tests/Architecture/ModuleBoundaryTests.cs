using System.Reflection;
using NetArchTest.Rules;

namespace Lianxin.Tests.Architecture;

/// <summary>
/// The module contract (ADR 0016) as tests: Platform names no module, and a module reaches another only through its
/// Contracts/ (never its Domain, Data, Features, Api or Pages). Razor views compile outside the module namespaces, so
/// they are checked by their generated names (AspNetCoreGeneratedDocument.Modules_X_…).
/// </summary>
public class ModuleBoundaryTests
{
    static readonly Assembly Web = typeof(Program).Assembly;
    static readonly string[] Internals = ["Domain", "Data", "Features", "Api", "Pages"];
    static IEnumerable<string> ModuleNames => Program.Modules.Select(m => m.Name);

    [Fact]
    public void Platform_depends_on_no_module_and_not_on_the_demo()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace("Lianxin.Web.Platform")
            .Or().HaveNameStartingWith("Platform_")
            .ShouldNot().HaveDependencyOnAny("Lianxin.Web.Modules", "Lianxin.Web.Demo").GetResult();
        Assert.True(result.IsSuccessful, "Platform reaches into: " + string.Join(", ", result.FailingTypes.Select(t => t.FullName)));
    }

    [Fact]
    public void Every_module_folder_is_a_registered_module()
    {
        var folders = Web.GetTypes().Select(t => t.Namespace ?? "").Where(n => n.StartsWith("Lianxin.Web.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Distinct().Order().ToList();
        Assert.Equal(folders, ModuleNames.Order().ToList());
    }

    [Fact]
    public void Modules_use_each_other_only_through_contracts()
    {
        var leaks = new List<string>();
        foreach (var owner in ModuleNames)
        {
            var forbidden = Internals.Select(i => $"Lianxin.Web.Modules.{owner}.{i}").ToArray();
            foreach (var other in ModuleNames.Where(m => m != owner))
            {
                var result = Types.InAssembly(Web).That().ResideInNamespace($"Lianxin.Web.Modules.{other}")
                    .Or().HaveNameStartingWith($"Modules_{other}_")
                    .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
                leaks.AddRange((result.FailingTypes.Select(t => t.FullName)).Select(t => $"{t} -> {owner}"));
            }
        }
        var unexpected = leaks.Where(l => !KnownLeaks.Contains(l)).Order().ToList();
        Assert.True(unexpected.Count == 0, "New reach into another module's internals (use its Contracts/):\n" + string.Join("\n", unexpected));
    }

    /// <summary>
    /// Reach that predates the contract, being moved onto Organizations' OrgDirectory (issue 9 notes): this list may
    /// only shrink. Remove a line when its type is converted; the test fails on any new line.
    /// </summary>
    static readonly HashSet<string> KnownLeaks =
    [
        "Lianxin.Web.Modules.Demands.Api.DemandsApi -> Organizations",
        "Lianxin.Web.Modules.Demands.Api.DemandsApi/<>c/<<MapDemandsApi>b__0_0>d -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.Categories -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.DemandFigures -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.DemandFlow -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.DemandQueries -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.DispatchDemand -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.EscalationJob -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.HandleDemand -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.RateDemand -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.ServiceSlots -> Organizations",
        "Lianxin.Web.Modules.Demands.Features.SubmitDemand -> Organizations",
        "Lianxin.Web.Modules.Demands.Open311.Features.Open311Clients -> Organizations",
        "Lianxin.Web.Modules.Demands.Open311.Features.Open311Services -> Organizations",
        "Lianxin.Web.Modules.Demands.Open311.Open311Demo -> Organizations",
        "Lianxin.Web.Modules.Demands.Open311.Pages.ClientsModel -> Organizations",
        "Lianxin.Web.Modules.Demands.Pages.CategoriesModel -> Organizations",
        "Lianxin.Web.Modules.Demands.Pages.IndexModel -> Organizations",
        "Lianxin.Web.Modules.Demands.Pages.NewModel -> Organizations",
        "Lianxin.Web.Modules.Demands.Pages.PublicNewModel -> Organizations",
        "Lianxin.Web.Modules.Pledges.Features.CreatePledge -> Demands",
        "Lianxin.Web.Modules.Pledges.Features.CreatePledge -> Organizations",
        "Lianxin.Web.Modules.Pledges.Features.PledgePhotos -> Organizations",
        "Lianxin.Web.Modules.Pledges.Features.PledgeProgress -> Demands",
        "Lianxin.Web.Modules.Pledges.Features.PledgeQueries -> Demands",
        "Lianxin.Web.Modules.Pledges.Features.PledgeQueries -> Organizations",
        "Lianxin.Web.Modules.Pledges.Pages.IndexModel -> Organizations",
        "Lianxin.Web.Modules.Pledges.Pages.NewModel -> Organizations",
        "Lianxin.Web.Modules.Reviews.Features.CreateRound -> Organizations",
        "Lianxin.Web.Modules.Reviews.Features.Rounds -> Organizations",
        "Lianxin.Web.Modules.Reviews.Features.SaveRubric -> Organizations",
        "Lianxin.Web.Modules.Reviews.Features.Stars -> Organizations",
        "Lianxin.Web.Modules.Reviews.Pages.RoundNewModel -> Organizations",
        "Lianxin.Web.Modules.Reviews.Pages.UnitStarsModel -> Organizations",
        "Lianxin.Web.Pages.Modules.Demands.Pages.Modules_Demands_Pages_Categories -> Organizations",
        "Lianxin.Web.Pages.Modules.Demands.Pages.Modules_Demands_Pages_Index -> Organizations",
        "Lianxin.Web.Pages.Modules.Reviews.Pages.Modules_Reviews_Pages_RoundNew -> Organizations",
    ];
}
