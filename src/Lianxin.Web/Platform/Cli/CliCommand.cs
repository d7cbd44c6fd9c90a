namespace Lianxin.Web.Platform.Cli;

/// <summary>A command a module adds to the binary (<c>dotnet Lianxin.Web.dll NAME --option value</c>); answers the exit code.</summary>
public record CliCommand(string Name, Func<IServiceProvider, IReadOnlyDictionary<string, string>, Task<int>> RunAsync);
