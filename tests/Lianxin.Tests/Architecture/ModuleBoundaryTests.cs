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
        // One scan per module against every other module's internals (a scan per pair read the assembly 240 times: 50 s).
        var leaks = new List<string>();
        foreach (var module in ModuleNames)
        {
            var forbidden = ModuleNames.Where(m => m != module).SelectMany(owner => Internals.Select(i => $"Lianxin.Web.Modules.{owner}.{i}")).ToArray();
            var result = Types.InAssembly(Web).That().ResideInNamespace($"Lianxin.Web.Modules.{module}")
                .Or().HaveNameStartingWith($"Modules_{module}_")
                .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            leaks.AddRange((result.FailingTypes ?? []).Select(t => $"{t.FullName} ({module})"));
        }
        Assert.True(leaks.Count == 0, "Reach into another module's internals (use its Contracts/):\n" + string.Join("\n", leaks.Order()));
    }
}
