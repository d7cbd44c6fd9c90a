using System.Text.Json;
using CsCheck;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Members;

/// <summary>
/// The maintained members' figures (ADR 0037): whatever happens to members (added, status changed, transferred, moving home),
/// to their dual reports (filed, withdrawn) and spans of working away (marked, ended), and wherever a community or a
/// workplace branch moves in the tree, the indicators read from mem_unit_figures and mem_mobile_figures answer exactly what
/// the old recount over mem_members answers, and a rebuild writes the same rows. Everything happens in streets of its own.
/// </summary>
[Collection(AppCollection.Name)]
public class MemberFiguresTests(LianxinApp app)
{
    static readonly DateTime Start = new(2024, 3, 4, 2, 0, 0, DateTimeKind.Utc);

    public record Op(int Kind, int A, int B)
    {
        public override string ToString() => $"{Names[Kind]}({A},{B})";
        public static readonly string[] Names = ["Add", "Status", "Transfer", "Home", "Report", "Withdraw", "Away", "Back", "MoveCommunity", "MoveBranch"];
    }

    static readonly Gen<Op[]> Sequences = Gen.Select(Gen.Int[0, Op.Names.Length - 1], Gen.Int[0, 999], Gen.Int[0, 999])
        .Select((k, a, b) => new Op(k, a, b)).Array[1, 24];

    record Playground(Guid District, Guid[] Streets, Guid[] Communities, Guid[] Branches, Guid Workplace, Guid MobileBranch);

    Playground Arrange() => app.WithDb(db =>
    {
        var district = db.OrgUnits.First(u => u.Kind == OrgKind.District);
        var streets = Enumerable.Range(1, 2).Select(i => db.Unit(district, OrgKind.Street, $"党员聚合街道{i}")).ToList();
        var communities = new[] { db.Unit(streets[0], OrgKind.Community, "党员聚合社区甲"), db.Unit(streets[0], OrgKind.Community, "党员聚合社区乙"),
            db.Unit(streets[1], OrgKind.Community, "党员聚合社区丙") };
        var branches = communities.Select((c, i) => db.Unit(c, OrgKind.Branch, $"党员聚合支部{i + 1}")).ToList();
        var workplace = db.Unit(streets[0], OrgKind.Branch, "党员聚合企业支部", BranchKind.Enterprise);
        var mobile = db.Unit(streets[1], OrgKind.Branch, "党员聚合流动党员党支部", BranchKind.SocialOrganization);
        return new Playground(district.Id, streets.Select(s => s.Id).ToArray(), communities.Select(c => c.Id).ToArray(),
            [.. branches.Select(b => b.Id), workplace.Id], workplace.Id, mobile.Id);
    });

    async Task ApplyAsync(Op op, Playground p, FakeTimeProvider clock)
    {
        clock.Advance(TimeSpan.FromDays(op.A % 3));
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var places = sp.GetRequiredService<PlaceDirectory>();
        var pd = sp.GetRequiredService<PersonalData>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
        var members = await db.Members.Where(m => m.Name.StartsWith("聚合党员")).OrderBy(m => m.Name).ToListAsync();
        var m = members.Count == 0 ? null : members[op.B % members.Count];
        Guid? Community(int n) => n % 4 == 3 ? null : p.Communities[n % 3];

        // A step the member's state does not allow is refused, as it would be for a user; the figures must hold either way.
        switch (op.Kind)
        {
            case 0:
                var branch = await db.OrgUnits.FirstAsync(u => u.Id == p.Branches[op.A % p.Branches.Length]);
                var added = db.Member(pd, branch, $"聚合党员{members.Count:D3}");
                added.ResidenceCommunityId = Community(op.B);
                await db.SaveChangesAsync();
                break;
            case 1 when m is not null:
                await ChangeMemberStatus.HandleAsync(db, org, places, pd, clock, m.Id, new StatusForm
                {
                    To = new[] { MemberStatus.Suspended, MemberStatus.Normal, MemberStatus.Deceased }[op.A % 3], On = today, Reason = "性质测试", Version = m.Version,
                }, default);
                break;
            case 2 when m is not null:
                await TransferMember.HandleAsync(db, org, places, pd, clock, m.Id, new TransferForm
                {
                    ToBranchId = p.Branches[op.A % p.Branches.Length], On = today, Reason = "性质测试", Version = m.Version,
                }, default);
                break;
            case 3 when m is not null:
                // What saving the member with a compound of another community does to the residence.
                m.ResidenceCommunityId = Community(op.A);
                await db.SaveChangesAsync();
                break;
            case 4 when m is not null:
                // What ReportMemberAsync writes (it needs the member's own sign-in), to their home or, now and then, to another community.
                var to = op.A % 5 == 0 ? Community(op.A / 5) : m.ResidenceCommunityId;
                if (to is not { } communityId) break;
                var community = await db.OrgUnits.FirstAsync(u => u.Id == communityId);
                db.DualReports.Add(new DualReport
                {
                    Kind = ReporterKind.Member, MemberId = m.Id, Name = m.Name, CommunityId = communityId, OrgPath = community.Path, ReportedOn = today,
                    Status = op.A % 2 == 0 ? DualReportStatus.Reported : DualReportStatus.Active,
                });
                await db.SaveChangesAsync();
                break;
            case 5 when m is not null && await db.DualReports.AcrossScope().Where(r => r.MemberId == m.Id && r.Status != DualReportStatus.Withdrawn)
                .OrderBy(r => r.Id).FirstOrDefaultAsync() is { } report:
                (report.Status, report.WithdrawnOn) = (DualReportStatus.Withdrawn, today);
                await db.SaveChangesAsync();
                break;
            case 6 when m is not null:
                await MarkMobile.HandleAsync(db, org, pd, clock, m.Id, new MobileForm { City = "深圳", MobileBranchId = p.MobileBranch, StartedOn = today, OnlineMeetings = true }, default);
                break;
            case 7 when m is not null && await db.MobileMemberships.AcrossScope().FirstOrDefaultAsync(x => x.MemberId == m.Id && x.EndedOn == null) is { } span:
                await EndMobile.HandleAsync(db, org, pd, clock, span.Id, new EndForm { EndedOn = today, Reason = "返回", Version = span.Version }, default);
                break;
            case 8:
                var moving = await db.OrgUnits.FirstAsync(u => u.Id == p.Communities[op.A % p.Communities.Length]);
                var moved = await MoveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), clock, moving.Id,
                    new MoveUnitRequest { NewParentId = p.Streets.First(s => s != moving.ParentId), Version = moving.Version }, default);
                Assert.True(moved.IsOk, $"{moved.Kind} {moved.Message} {JsonSerializer.Serialize(moved.Errors)}");
                break;
            case 9:
                // The workplace branch moves into a community and out again: its members living there stop (or start) counting as held elsewhere.
                var workplace = await db.OrgUnits.FirstAsync(u => u.Id == p.Workplace);
                var parent = op.A % 2 == 0 ? p.Communities[op.B % 3] : p.Streets[op.B % 2];
                if (parent != workplace.ParentId)
                {
                    var shifted = await MoveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), clock, workplace.Id,
                        new MoveUnitRequest { NewParentId = parent, Version = workplace.Version }, default);
                    Assert.True(shifted.IsOk, $"{shifted.Kind} {shifted.Message} {JsonSerializer.Serialize(shifted.Errors)}");
                }
                break;
        }
    }

    /// <summary>Every playground unit's indicators (and the district's) against the recount, on a few days; then rebuild = maintained.</summary>
    async Task AssertMaintainedEqualsRecountAndRebuildAsync(Playground p, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var ids = new[] { p.District, p.MobileBranch }.Concat(p.Streets).Concat(p.Communities).Concat(p.Branches).ToList();
        var paths = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.Path).ToListAsync();
        var indicators = new MemberIndicators(db);
        var codes = indicators.Indicators.Select(i => i.Code).ToList();
        foreach (var on in new[] { today, today.AddDays(-1), today.AddDays(-4) })
        {
            var read = await indicators.ReadAsync(codes, paths, on.AddDays(-30), on, default);
            foreach (var path in paths)
            {
                var (living, reported) = await MemberFiguresRecount.DualAsync(db, org, path);
                var expected = new[] { await MemberFiguresRecount.CountAsync(db, path), reported, living, await MemberFiguresRecount.MobileAsync(db, path, on) };
                var actual = new[] { read[(MemberIndicators.Count, path)].Numerator, read[(MemberIndicators.DualReported, path)].Numerator,
                    read[(MemberIndicators.DualReportRate, path)].Denominator, read[(MemberIndicators.Mobile, path)].Numerator }.Select(n => (int)n).ToArray();
                Assert.True(expected.SequenceEqual(actual), $"{path} on {on}: recount {string.Join(',', expected)}, maintained {string.Join(',', actual)}");
                Assert.Equal(reported, (int)read[(MemberIndicators.DualReportRate, path)].Numerator);
            }
        }

        // Rows a rebuild would write against the maintained ones.
        Task<List<string>> Rows() => RowsAsync(db);
        var kept = await Rows();
        await using var tx = await db.Database.BeginTransactionAsync();
        await new MemberFiguresAggregate().RebuildAsync(db, default);
        Assert.Equal(await Rows(), kept);
        await tx.RollbackAsync();
    }

    /// <summary>The rows as the sums they hold per key (rows summing to nothing dropped, as a recount never has them).</summary>
    static async Task<List<string>> RowsAsync(LianxinDb db) =>
        (await db.MemberFigures.AcrossScope().AsNoTracking().ToListAsync()).Where(x => x.Members != 0 || x.Reported != 0)
            .Select(x => $"{x.BranchId} {x.OrgPath} {x.CommunityId} {x.CommunityPath} {x.Members} {x.Reported}")
        .Concat((await db.MobileFigures.AcrossScope().AsNoTracking().ToListAsync()).Where(x => x.Members != 0)
            .Select(x => $"{x.UnitId} {x.OrgPath} {x.StartedOn} {x.EndedOn} {x.Members}"))
        .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Migration_0052_fills_the_same_rows_as_the_saves_kept()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var kept = await RowsAsync(db);
        Assert.Contains(kept, r => !r.Contains(" 00000000-0000-0000-0000-000000000000 ")); // the demo has members living in communities
        using var stream = typeof(Lianxin.Migrations.MigrationRunner).Assembly.GetManifestResourceStream(
            $"{(TestDatabase.IsPostgres ? "Postgres" : "Sqlite")}.0052_member_figures.sql")!;
        var sql = await new StreamReader(stream).ReadToEndAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        // Every district's rows, as the migration fills every district (rolled back).
        await db.MemberFigures.IgnoreQueryFilters().ExecuteDeleteAsync();
        await db.MobileFigures.IgnoreQueryFilters().ExecuteDeleteAsync();
        foreach (var insert in sql.Split("INSERT INTO").Skip(1)) await db.Database.ExecuteSqlRawAsync("INSERT INTO" + insert);
        Assert.Equal(kept, await RowsAsync(db));
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task After_any_sequence_of_roster_reports_spans_and_unit_moves_the_maintained_figures_equal_a_recount_and_a_rebuild()
    {
        var p = Arrange();
        var clock = new FakeTimeProvider(Start);
        await Sequences.SampleAsync(async ops =>
        {
            foreach (var op in ops) await ApplyAsync(op, p, clock);
            await AssertMaintainedEqualsRecountAndRebuildAsync(p, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8)));
        }, iter: 12, threads: 1);
    }

    [Fact]
    public async Task A_district_figures_are_summed_from_the_maintained_rows_without_reading_the_roster()
    {
        var counter = new QueryCounter();
        using var host = QueryCounter.On(app, counter);
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var district = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Kind == OrgKind.District);
        var indicators = new MemberIndicators(db);
        var codes = indicators.Indicators.Select(i => i.Code).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        IReadOnlyDictionary<(string, string), Lianxin.Web.Platform.Indicators.IndicatorValue> read = null!;

        var sent = await counter.CountAsync(async () => read = await indicators.ReadAsync(codes, [district.Path], today.AddDays(-30), today, default));

        Assert.Equal(await MemberFiguresRecount.CountAsync(db, district.Path), (int)read[(MemberIndicators.Count, district.Path)].Numerator);
        Assert.True(read[(MemberIndicators.Count, district.Path)].Numerator > 0);
        Assert.Contains(sent, q => q.Contains("mem_unit_figures"));
        Assert.Contains(sent, q => q.Contains("mem_mobile_figures"));
        Assert.DoesNotContain(sent, q => q.Contains("mem_members") || q.Contains("mem_dual_reports") || q.Contains("mem_mobile_memberships") || q.Contains("org_units"));
    }
}
