using System.Text;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Lists;

/// <summary>
/// Text search through an index, the same on both providers (ADR 0036). A searched row keeps a <c>SearchText</c> column: its
/// text cut into runs of letters and digits (NFKC, lower case), each run written as its overlapping bigrams plus its last
/// character ("张小明" → "张小 小明 明"), separated by single spaces. PostgreSQL indexes that column as a tsvector
/// (GIN over <c>array_to_tsvector(string_to_array(…))</c>, the words taken as they are, no parser); SQLite keeps an FTS5
/// table over it (tokenizer <c>ascii</c>: only the spaces separate). A query is cut the same way: a run of two or more
/// characters must have all its bigrams, a single character is a prefix (it starts a bigram or ends a run). Every row that
/// contains the query has all its terms, so the index finds a superset and the caller keeps its exact substring test on
/// top: both providers answer exactly the rows that contain the text, for 1, 2 or more characters.
/// </summary>
public static class SearchTerms
{
    /// <summary>At most this many terms per query: the substring test on the candidates makes the rest unnecessary.</summary>
    const int MaxQueryTerms = 16;

    /// <summary>The <c>SearchText</c> of a row with these texts ("" when they hold no letter or digit).</summary>
    public static string Of(params string?[] texts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var run in texts.SelectMany(Runs))
        {
            for (var i = 0; i + 1 < run.Length; i++)
                if (terms.Add(run.Substring(i, 2))) order.Add(run.Substring(i, 2));
            if (terms.Add(run[^1..])) order.Add(run[^1..]);
        }
        return string.Join(' ', order);
    }

    /// <summary>The index terms of a query; empty when it has no letter or digit (then only the substring test can answer).</summary>
    public static IReadOnlyList<(string Term, bool Prefix)> Query(string text)
    {
        var terms = new List<(string, bool)>();
        foreach (var run in Runs(text))
        {
            if (run.Length == 1) terms.Add((run, true));
            for (var i = 0; i + 1 < run.Length; i++) terms.Add((run.Substring(i, 2), false));
        }
        return terms.Distinct().Take(MaxQueryTerms).ToList();
    }

    /// <summary>
    /// The rows of <paramref name="table"/> whose SearchText has every term of <paramref name="text"/> (a superset of those
    /// containing it), as a query the caller composes with its filters; null when the text gives no terms.
    /// </summary>
    public static IQueryable<T>? Candidates<T>(LianxinDb db, DbSet<T> set, string table, string text) where T : class
    {
        var terms = Query(text);
        if (terms.Count == 0) return null;
        // The table is a module's constant and the terms (letters and digits only) go in as a parameter.
#pragma warning disable EF1002
        return db.Database.IsNpgsql()
            ? set.FromSqlRaw($"SELECT * FROM {table} WHERE array_to_tsvector(string_to_array(\"SearchText\", ' ')) @@ CAST({{0}} AS tsquery)",
                string.Join(" & ", terms.Select(t => $"'{t.Term}'" + (t.Prefix ? ":*" : ""))))
            : set.FromSqlRaw($"SELECT * FROM {table} WHERE rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH {{0}})",
                string.Join(" AND ", terms.Select(t => $"\"{t.Term}\"" + (t.Prefix ? "*" : ""))));
#pragma warning restore EF1002
    }

    static IEnumerable<string> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var inRun = i < s.Length && char.IsLetterOrDigit(s[i]);
            if (inRun && start < 0) start = i;
            else if (!inRun && start >= 0) { yield return s[start..i]; start = -1; }
        }
    }
}
