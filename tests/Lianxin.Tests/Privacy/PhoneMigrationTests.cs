using System.Data.Common;
using Lianxin.Migrations;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lianxin.Tests.Privacy;

/// <summary>
/// Migrations 0045 and 0050 on a database of their own, as an existing deployment meets it: every earlier migration applied and phones
/// stored in clear; then the app starts (migrates, runs the data step). Afterwards no clear phone is left, and each is
/// encrypted under the current key with its keyed hash where the column is searched (ADR 0030).
/// </summary>
public sealed class PhoneMigrationTests : IDisposable
{
    readonly LianxinApp app = new(fromTemplate: false);

    public void Dispose() => app.Dispose();

    static string Provider => TestDatabase.IsPostgres ? "Postgres" : "Sqlite";

    DbConnection Open() => TestDatabase.IsPostgres ? new NpgsqlConnection(app.ConnectionString) : new SqliteConnection(app.ConnectionString);

    static async Task<int> Exec(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync();
    }

    static async Task<List<object?[]>> Query(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await r.ReadAsync())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    static string Migration(string name)
    {
        using var s = typeof(MigrationRunner).Assembly.GetManifestResourceStream($"{Provider}.{name}.sql")!;
        return new StreamReader(s).ReadToEnd();
    }

    string Guid(Guid g) => TestDatabase.IsPostgres ? $"'{g}'" : $"'{g.ToString().ToUpperInvariant()}'";

    /// <summary>A row with only the given columns meaningful: every other NOT NULL column gets its type's blank.</summary>
    async Task InsertAsync(DbConnection c, string table, Dictionary<string, string> values)
    {
        var columns = TestDatabase.IsPostgres
            ? (await Query(c, $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' AND is_nullable = 'NO' AND column_default IS NULL"))
                .Select(r => ((string)r[0]!, (string)r[1]!))
            : (await Query(c, $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}')")).Where(r => Convert.ToInt64(r[2]) == 1)
                .Select(r => ((string)r[0]!, (string)r[1]!));
        var all = new Dictionary<string, string>(values);
        foreach (var (name, type) in columns)
            all.TryAdd(name, type.ToLowerInvariant() switch
            {
                "uuid" => Guid(System.Guid.NewGuid()),
                "integer" or "bigint" or "smallint" or "numeric" or "real" or "double precision" => "0",
                "boolean" => "false",
                "date" => "'2026-01-01'",
                "timestamp with time zone" or "timestamp without time zone" => "'2026-01-01 00:00:00'",
                "time without time zone" => "'00:00'",
                "bytea" => "''::bytea",
                "blob" => "x''",
                _ => name.EndsWith("Id", StringComparison.Ordinal) ? Guid(System.Guid.NewGuid()) : "''",
            });
        await Exec(c, $"INSERT INTO {table} ({string.Join(", ", all.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", all.Values)})");
    }

    /// <summary>The district these rows belong to: with a district present the app does not seed the demo one (40 s), which this test does not need.</summary>
    Task Tenant(DbConnection c, Guid tenant) => InsertAsync(c, "plt_tenants", new() { ["Id"] = Guid(tenant), ["Name"] = "'迁移测试区'" });

    [Fact]
    public async Task Migration_0045_encrypts_the_clear_phones_an_existing_database_holds()
    {
        var tenant = System.Guid.NewGuid();
        var member = System.Guid.NewGuid();
        var blankMember = System.Guid.NewGuid();
        var demand = System.Guid.NewGuid();
        var position = System.Guid.NewGuid();
        await using (var c = Open())
        {
            await c.OpenAsync();
            await Exec(c, $"CREATE TABLE {MigrationRunner.HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)");
            foreach (var name in MigrationRunner.Available(Provider).Where(n => string.CompareOrdinal(n, "0045") < 0))
            {
                await Exec(c, Migration(name));
                await Exec(c, $"INSERT INTO {MigrationRunner.HistoryTable} (id, applied_at) VALUES ('{name}', 'before 0045')");
            }
            await Tenant(c, tenant);
            await InsertAsync(c, "mem_members", new() { ["Id"] = Guid(member), ["TenantId"] = Guid(tenant), ["IdNumberHash"] = "'a'", ["Phone"] = "'13912340045'" });
            await InsertAsync(c, "mem_members", new() { ["Id"] = Guid(blankMember), ["TenantId"] = Guid(tenant), ["IdNumberHash"] = "'b'", ["Phone"] = "' '" });
            await InsertAsync(c, "dem_demands", new() { ["Id"] = Guid(demand), ["TenantId"] = Guid(tenant), ["TicketNo"] = "'SQ20260101MIGR45'", ["ContactPhone"] = "'+86 139 1234 0046'", ["PhoneTail"] = "'0046'" });
            await InsertAsync(c, "org_positions", new() { ["Id"] = Guid(position), ["TenantId"] = Guid(tenant), ["Phone"] = "'0571-87000045'" });
        }

        // The app starts: migrations, then their data step.
        var pd = app.Services.GetRequiredService<PersonalData>();

        await using (var c = Open())
        {
            await c.OpenAsync();
            Assert.Single(await Query(c, $"SELECT id FROM {MigrationRunner.HistoryTable} WHERE id = '0045_encrypted_phones'"));
            var m = (await Query(c, $"SELECT \"PhoneCipher\", \"PhoneHash\" FROM mem_members WHERE \"Id\" = {Guid(member)}")).Single();
            Assert.StartsWith(pd.CurrentPrefix, (string)m[0]!);
            Assert.Equal("13912340045", pd.Decrypt((string)m[0]!));
            Assert.Equal(pd.Hash("13912340045"), m[1]);
            var blank = (await Query(c, $"SELECT \"PhoneCipher\", \"PhoneHash\" FROM mem_members WHERE \"Id\" = {Guid(blankMember)}")).Single();
            Assert.Equal([null, null], blank);
            var d = (await Query(c, $"SELECT \"ContactPhoneCipher\", \"ContactPhoneHash\", \"PhoneTail\" FROM dem_demands WHERE \"Id\" = {Guid(demand)}")).Single();
            Assert.Equal("13912340046", pd.Decrypt((string)d[0]!));
            Assert.Equal(pd.Hash("13912340046"), d[1]);
            Assert.Equal("0046", d[2]);
            var p = (await Query(c, $"SELECT \"PhoneCipher\" FROM org_positions WHERE \"Id\" = {Guid(position)}")).Single();
            Assert.Equal("0571-87000045", pd.Decrypt((string)p[0]!));
            // Nothing marked clear is left anywhere, and a second run has nothing to do.
            foreach (var (table, column) in new[] { ("mem_members", "PhoneCipher"), ("dem_demands", "ContactPhoneCipher"), ("org_positions", "PhoneCipher") })
                Assert.Empty(await Query(c, $"SELECT 1 FROM {table} WHERE \"{column}\" LIKE '{EncryptedColumns.Marker}%'"));
        }
        Assert.Equal(0, await EncryptedColumns.SealClearAsync(app.Services));
    }

    [Fact]
    public async Task Migration_0050_seals_the_remaining_clear_phones_and_the_stored_admission_events_and_later_starts_scan_nothing()
    {
        var tenant = System.Guid.NewGuid();
        var (recruit, report, motion, building, booking, admitted, blank) =
            (System.Guid.NewGuid(), System.Guid.NewGuid(), System.Guid.NewGuid(), System.Guid.NewGuid(), System.Guid.NewGuid(), System.Guid.NewGuid(), System.Guid.NewGuid());
        await using (var c = Open())
        {
            await c.OpenAsync();
            await Exec(c, $"CREATE TABLE {MigrationRunner.HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)");
            foreach (var name in MigrationRunner.Available(Provider).Where(n => string.CompareOrdinal(n, "0050") < 0))
            {
                await Exec(c, Migration(name));
                await Exec(c, $"INSERT INTO {MigrationRunner.HistoryTable} (id, applied_at) VALUES ('{name}', 'before 0050')");
            }
            await Tenant(c, tenant);
            await InsertAsync(c, "pw_recruits", new() { ["Id"] = Guid(recruit), ["TenantId"] = Guid(tenant), ["Phone"] = "'13912340050'" });
            await InsertAsync(c, "mem_dual_reports", new() { ["Id"] = Guid(report), ["TenantId"] = Guid(tenant), ["LiaisonPhone"] = "'0571-86000050'" });
            await InsertAsync(c, "dlb_motions", new() { ["Id"] = Guid(motion), ["TenantId"] = Guid(tenant), ["ContactPhone"] = "'13912340051'" });
            await InsertAsync(c, "org_buildings", new() { ["Id"] = Guid(building), ["TenantId"] = Guid(tenant), ["LeaderPhone"] = "'13912340052'" });
            await InsertAsync(c, "ven_bookings", new() { ["Id"] = Guid(booking), ["TenantId"] = Guid(tenant), ["ContactPhone"] = "'13912340053'" });
            await InsertAsync(c, "org_buildings", new() { ["Id"] = Guid(blank), ["TenantId"] = Guid(tenant), ["LeaderPhone"] = "''" });
            // An admission already in the outbox, its phone in clear as the event carried it before 0050.
            var payload = $"{{\"personId\":\"{recruit}\",\"name\":\"迁移测试\",\"phone\":\"13912340054\",\"eventId\":\"{admitted}\"}}";
            await InsertAsync(c, "plt_events", new() { ["Id"] = Guid(admitted), ["TenantId"] = Guid(tenant), ["Type"] = "'ProbationaryMemberAdmitted'", ["Payload"] = $"'{payload}'" });
        }

        var pd = app.Services.GetRequiredService<PersonalData>();

        await using (var c = Open())
        {
            await c.OpenAsync();
            foreach (var (table, column, id, phone) in new[]
                     {
                         ("pw_recruits", "PhoneCipher", recruit, "13912340050"), ("mem_dual_reports", "LiaisonPhoneCipher", report, "0571-86000050"),
                         ("dlb_motions", "ContactPhoneCipher", motion, "13912340051"), ("org_buildings", "LeaderPhoneCipher", building, "13912340052"),
                         ("ven_bookings", "ContactPhoneCipher", booking, "13912340053"),
                     })
            {
                var stored = (string)(await Query(c, $"SELECT \"{column}\" FROM {table} WHERE \"Id\" = {Guid(id)}")).Single()[0]!;
                Assert.StartsWith(pd.CurrentPrefix, stored);
                Assert.DoesNotContain(phone[^8..], stored);
                Assert.Equal(phone, pd.OpenPhone(stored));
            }
            Assert.Null((await Query(c, $"SELECT \"LeaderPhoneCipher\" FROM org_buildings WHERE \"Id\" = {Guid(blank)}")).Single()[0]);
            var events = (string)(await Query(c, $"SELECT \"Payload\" FROM plt_events WHERE \"Id\" = {Guid(admitted)}")).Single()[0]!;
            Assert.DoesNotContain("12340054", events);
            var sealedEvent = System.Text.Json.JsonDocument.Parse(events).RootElement;
            Assert.False(sealedEvent.TryGetProperty("phone", out _));
            Assert.Equal("13912340054", pd.OpenPhone(sealedEvent.GetProperty("phoneCipher").GetString()));
            Assert.Equal("迁移测试", sealedEvent.GetProperty("name").GetString());
            // Sealing finished: nothing is left to do, so later starts read only the empty list of pending columns.
            Assert.Empty(await Query(c, "SELECT \"Name\" FROM plt_pending_seals"));

            // A value marked after that is not looked for (no scan at start) until a migration names its column again, as a
            // start interrupted halfway leaves it named: then the next start seals it.
            await Exec(c, $"UPDATE ven_bookings SET \"ContactPhoneCipher\" = '{EncryptedColumns.Marker}13912340055' WHERE \"Id\" = {Guid(booking)}");
            Assert.Equal(0, await EncryptedColumns.SealClearAsync(app.Services));
            await Exec(c, "INSERT INTO plt_pending_seals (\"Name\") VALUES ('ven_bookings.ContactPhoneCipher')");
            Assert.Equal(1, await EncryptedColumns.SealClearAsync(app.Services));
            Assert.Equal("13912340055", pd.OpenPhone((string)(await Query(c, $"SELECT \"ContactPhoneCipher\" FROM ven_bookings WHERE \"Id\" = {Guid(booking)}")).Single()[0]!));
            Assert.Empty(await Query(c, "SELECT \"Name\" FROM plt_pending_seals"));
        }
    }
}
