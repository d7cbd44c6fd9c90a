using System.Text;

namespace Lianxin.Tests.Security;

/// <summary>The CSV tables beside these tests: read from the build output, rewritten in the source tree when recording.</summary>
public static class Tables
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Security", file);

    /// <summary>The file in the source tree, for <c>LIANXIN_MATRIX_RECORD=1</c>.</summary>
    public static string SourcePath(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Lianxin.slnx"))) dir = dir.Parent;
        return System.IO.Path.Combine(dir!.FullName, "tests", "Lianxin.Tests", "Security", file);
    }

    /// <summary>Rows after the header; lines starting with # are comments; fields may be quoted ("" inside quotes).</summary>
    public static List<string[]> ReadCsv(string path) => File.ReadAllLines(path)
        .Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(Split).ToList();

    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }

    public static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
