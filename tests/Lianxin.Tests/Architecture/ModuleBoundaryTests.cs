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
        "Lianxin.Web.Modules.Members.Features.CentralHouseholds -> Organizations",
        "Lianxin.Web.Modules.Members.Features.CommunityFigures -> Organizations",
        "Lianxin.Web.Modules.Members.Features.DualReportDto -> Organizations",
        "Lianxin.Web.Modules.Members.Features.DualReporting -> Organizations",
        "Lianxin.Web.Modules.Members.Features.GetMember -> Organizations",
        "Lianxin.Web.Modules.Members.Features.ImportHouseholds -> Organizations",
        "Lianxin.Web.Modules.Members.Features.ImportMembers -> Organizations",
        "Lianxin.Web.Modules.Members.Features.ListMembers -> Organizations",
        "Lianxin.Web.Modules.Members.Features.MemberStatistics -> Organizations",
        "Lianxin.Web.Modules.Members.Features.MemberUnits -> Organizations",
        "Lianxin.Web.Modules.Members.Features.MemberViews -> Organizations",
        "Lianxin.Web.Modules.Members.Features.Posts -> Organizations",
        "Lianxin.Web.Modules.Members.Features.ReportingBack -> Organizations",
        "Lianxin.Web.Modules.Members.Features.RosterOnDate -> Organizations",
        "Lianxin.Web.Modules.Members.Features.SaveMember -> Organizations",
        "Lianxin.Web.Modules.Members.Features.TransferMember -> Organizations",
        "Lianxin.Web.Modules.Members.Features.Zones -> Organizations",
        "Lianxin.Web.Modules.Members.Pages.CentralHouseholdsModel -> Organizations",
        "Lianxin.Web.Modules.Members.Pages.CentralModel -> Organizations",
        "Lianxin.Web.Modules.Members.Pages.CommunityChoice -> Organizations",
        "Lianxin.Web.Modules.Members.Pages.DualModel -> Organizations",
        "Lianxin.Web.Modules.Members.Pages.MeModel -> Organizations",
        "Lianxin.Web.Modules.Members.Pages.MemberPageModel -> Organizations",
        "Lianxin.Web.Modules.Members.Pages.TransferModel -> Organizations",
    ];
}
