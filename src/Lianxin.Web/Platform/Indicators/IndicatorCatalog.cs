namespace Lianxin.Web.Platform.Indicators;

/// <summary>Every indicator the modules registered, and one read that asks each owning module for its own.</summary>
public sealed class IndicatorCatalog(IEnumerable<IIndicatorSource> sources)
{
    readonly IReadOnlyList<IIndicatorSource> sources = sources.ToList();

    readonly IReadOnlyList<Indicator> chinese = sources.SelectMany(s => s.Indicators).ToList();

    /// <summary>
    /// Names and definitions in the reader's language (ADR 0034): the modules define them in Chinese, their English is in
    /// the modules' en.json, and every page, export and API answer reads them from here.
    /// </summary>
    public IReadOnlyList<Indicator> All => Localization.Text.IsEnglish
        ? chinese.Select(i => i with { Name = Localization.Text.Of(i.Name), Definition = Localization.Text.Of(i.Definition) }).ToList()
        : chinese;

    public Indicator? Find(string code) => All.FirstOrDefault(i => i.Code == code);

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        foreach (var source in sources)
        {
            var mine = source.Indicators.Select(i => i.Code).Intersect(codes).ToList();
            if (mine.Count == 0) continue;
            foreach (var (key, value) in await source.ReadAsync(mine, subtreePaths, from, to, ct)) result[key] = value;
        }
        return result;
    }
}

public static class IndicatorRegistration
{
    public static IServiceCollection AddIndicators<TSource>(this IServiceCollection services) where TSource : class, IIndicatorSource
    {
        services.AddScoped<IIndicatorSource, TSource>();
        return services;
    }
}
