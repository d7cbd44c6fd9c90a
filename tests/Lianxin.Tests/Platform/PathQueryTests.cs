using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class PathQueryTests(LianxinApp app)
{
    [Fact]
    public void LIKE_is_case_sensitive_on_both_providers()
    {
        var (upper, lower) = app.WithDb(db => (
            db.OrgUnits.Count(u => EF.Functions.Like(u.Code, "QH%")),
            db.OrgUnits.Count(u => EF.Functions.Like(u.Code, "qh%"))));
        Assert.True(upper > 0);
        Assert.Equal(0, lower);
    }

    [Fact]
    public void A_subtree_count_on_SQLite_reads_the_path_index_not_the_whole_table()
    {
        if (TestDatabase.IsPostgres) return; // the plan below is SQLite's; PostgreSQL plans by statistics
        var plan = app.WithDb(db =>
        {
            var root = db.OrgUnits.First(u => u.Kind == OrgKind.Street).Path;
            var sql = db.Households.Where(h => h.OrgPath.StartsWith(root)).Select(h => h.Id).ToQueryString();
            var conn = db.Database.GetDbConnection();
            db.Database.OpenConnection(); // through EF, so the connection interceptors run
            using var cmd = conn.CreateCommand();
            // ToQueryString declares parameters with .param set; feed the statement itself with the value.
            var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            cmd.CommandText = "EXPLAIN QUERY PLAN " + statement;
            foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set")))
            {
                var parts = line.Split(' ', 4);
                var p = cmd.CreateParameter();
                p.ParameterName = parts[2];
                p.Value = parts[3].Trim().Trim('\'');
                cmd.Parameters.Add(p);
            }
            using var reader = cmd.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read()) rows.Add(reader.GetString(3));
            return string.Join(" | ", rows);
        });
        Assert.True(plan.Contains("OrgPath\">?") || plan.Contains("OrgPath>?"), plan);
    }
}
