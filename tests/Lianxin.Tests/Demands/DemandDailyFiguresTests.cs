using System.Text.Json;
using CsCheck;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Demands;

/// <summary>
/// The maintained demand figures (ADR 0035): whatever the use cases do to demands (file, accept, resolve, escalate, dispatch,
/// answer, rate, reopen, merge, mark overdue) and wherever a community moves, the figures page and the indicators read from
/// dem_daily_figures and dem_monthly_figures (ADR 0045) answer exactly what the old grouped recount over the demands answers,
/// and a rebuild writes the same rows in both.
/// The demands are filed in 2023 on a clock of their own, in streets of their own, so no other test's figures move.
/// </summary>
[Collection(AppCollection.Name)]
public class DemandDailyFiguresTests(LianxinApp app)
{
    static readonly DateTime Start = new(2023, 3, 6, 1, 0, 0, DateTimeKind.Utc); // a Monday, 09:00 in Beijing
    static readonly DateOnly FirstDay = new(2023, 3, 6);

    public record Op(int Kind, int A, int B)
    {
        public override string ToString() => $"{Names[Kind]}({A},{B})";
        public static readonly string[] Names = ["File", "Accept", "Resolve", "Escalate", "Dispatch", "Answer", "Rate", "Merge", "Overdue", "MoveCommunity"];
    }

    static readonly Gen<Op[]> Sequences = Gen.Select(Gen.Int[0, Op.Names.Length - 1], Gen.Int[0, 999], Gen.Int[0, 999])
        .Select((k, a, b) => new Op(k, a, b)).Array[1, 20];

    record Playground(Guid District, Guid[] Streets, Guid[] Communities, Guid[] Departments);

    Playground Arrange() => app.WithDb(db =>
    {
        var district = db.OrgUnits.First(u => u.Kind == OrgKind.District);
        var streets = Enumerable.Range(1, 2).Select(i => db.Unit(district, OrgKind.Street, $"聚合测试街道{i}")).ToList();
        var communities = new[] { db.Unit(streets[0], OrgKind.Community, "聚合测试社区甲"), db.Unit(streets[0], OrgKind.Community, "聚合测试社区乙"),
            db.Unit(streets[1], OrgKind.Community, "聚合测试社区丙") };
        var departments = streets.Select((s, i) => db.Unit(s, OrgKind.Department, $"聚合测试城管科{i + 1}")).ToList();
        return new Playground(district.Id, streets.Select(s => s.Id).ToArray(), communities.Select(c => c.Id).ToArray(), departments.Select(d => d.Id).ToArray());
    });

    async Task ApplyAsync(Op op, Playground p, FakeTimeProvider clock)
    {
        clock.Advance(TimeSpan.FromHours(op.A % 20));
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var demands = await db.Demands.Where(d => p.Communities.Contains(d.CommunityId)).OrderBy(d => d.TicketNo).ToListAsync();
        var d = demands.Count == 0 ? null : demands[op.B % demands.Count];
        DemandStepRequest Step(DemandAction action) => new() { Action = action, Note = "性质测试的说明。", Version = d!.Version };

        // A step the demand's state does not allow is refused (409), as it would be for a user; the figures must hold either way.
        switch (op.Kind)
        {
            case 0:
                var communities = await db.OrgUnits.Where(u => p.Communities.Contains(u.Id)).OrderBy(u => u.Name).ToListAsync();
                var community = communities[op.A % communities.Count];
                var categories = (await Categories.ForStreetAsync(db, org, community.ParentId!.Value, default)).Where(c => c.ServiceMode == ServiceMode.None).ToList();
                var filed = await SubmitDemand.HandleAsync(db, org, sp.GetRequiredService<PlaceDirectory>(), sp.GetRequiredService<PersonalData>(), clock,
                    new SubmitDemandRequest { CommunityId = community.Id, CategoryId = categories[op.B % categories.Count].Id, Description = "性质测试：路灯不亮。", Address = "聚合测试路1号",
                        ContactName = "测试居民", ContactPhone = "13800001234" }, null, false, default);
                Assert.True(filed.IsOk, $"{filed.Kind} {filed.Message} {JsonSerializer.Serialize(filed.Errors)}");
                break;
            case 1 when d is not null: await HandleDemand.HandleAsync(db, org, clock, d.Id, Step(DemandAction.Accept), default); break;
            case 2 when d is not null: await HandleDemand.HandleAsync(db, org, clock, d.Id, Step(DemandAction.Resolve), default); break;
            case 3 when d is not null: await HandleDemand.HandleAsync(db, org, clock, d.Id, Step(DemandAction.Escalate), default); break;
            case 4 when d is not null:
                await DispatchDemand.HandleAsync(db, org, clock, d.Id, new DispatchRequest { DepartmentIds = [.. p.Departments.Where(x => x == p.Departments[op.A % 2])],
                    Request = "请派员处置。", Version = d.Version }, default);
                break;
            case 5 when d is not null && await db.Dispatches.FirstOrDefaultAsync(x => x.DemandId == d.Id && x.State != DispatchState.Reported && x.State != DispatchState.Returned) is { } dispatch:
                await DispatchDemand.AnswerAsync(db, org, clock, dispatch.Id, new DispatchAnswerRequest { Action = DemandAction.DepartmentReport, Note = "已处置。", Version = dispatch.Version }, default);
                break;
            case 6 when d is not null:
                var rating = (Satisfaction)(op.A % 3);
                await RateDemand.ByStaffAsync(db, org, clock, d.Id, new RateRequest { Rating = rating, Note = rating == Satisfaction.Unsatisfied ? "没有解决。" : null }, default);
                break;
            case 7 when d is not null && demands.Count > 1:
                var target = demands[(op.B + 1 + op.A % (demands.Count - 1)) % demands.Count];
                await MergeDemand.HandleAsync(db, org, clock, d.Id, new MergeRequest { TargetTicketNo = target.TicketNo, Version = d.Version }, default);
                break;
            case 8 when d is not null:
                // What the escalation job does to a demand past its limit (the job itself would also touch the demo's demands).
                d.Overdue = true;
                await db.SaveChangesAsync();
                break;
            case 9:
                var moving = await db.OrgUnits.FirstAsync(u => u.Id == p.Communities[op.A % p.Communities.Length]);
                var to = p.Streets.First(s => s != moving.ParentId);
                var moved = await MoveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), clock, moving.Id,
                    new MoveUnitRequest { NewParentId = to, Version = moving.Version }, default);
                Assert.True(moved.IsOk, $"{moved.Kind} {moved.Message} {JsonSerializer.Serialize(moved.Errors)}");
                break;
        }
    }

    /// <summary>Every playground unit's figures and indicators against the recount, for the whole span and for one day; then rebuild = maintained.</summary>
    async Task AssertMaintainedEqualsRecountAndRebuildAsync(Playground p, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Id == p.District || p.Streets.Contains(u.Id) || p.Communities.Contains(u.Id))
            .Select(u => new { u.Id, u.Path }).ToListAsync();
        var indicators = new DemandIndicators(db, TimeProvider.System);
        var codes = indicators.Indicators.Select(i => i.Code).ToList();
        // The whole span (partial months at both ends around whole ones), one day, and whole months only (ADR 0045).
        // And March from its 7th: the month minus its first six days, which hold the first demands (ADR 0049).
        foreach (var (from, to) in new[] { (FirstDay, today), (FirstDay.AddDays(1), FirstDay.AddDays(1)), (new DateOnly(2023, 3, 1), new DateOnly(2023, 4, 30)),
            (new DateOnly(2023, 3, 7), new DateOnly(2023, 3, 31)) })
        {
            var read = await indicators.ReadAsync(codes, units.Select(u => u.Path).ToList(), from, to, default);
            foreach (var u in units)
            {
                var maintained = await DemandFigures.HandleAsync(db, org, TimeProvider.System, u.Id, from, to, default);
                var recount = await DemandFiguresRecount.RecountAsync(db, org, TimeProvider.System, u.Id, from, to, default);
                Assert.True(maintained.IsOk, maintained.Message);
                Assert.Equal(JsonSerializer.Serialize(recount.Value), JsonSerializer.Serialize(maintained.Value));

                var r = await DemandFiguresRecount.IndicatorsAsync(db, u.Path, from, to);
                Assert.Equal(new IndicatorValueOf(r.Received, 1), Of(read[(DemandIndicators.Received, u.Path)]));
                Assert.Equal(new IndicatorValueOf(r.Resolved, r.Received), Of(read[(DemandIndicators.ResolveRate, u.Path)]));
                Assert.Equal(new IndicatorValueOf(r.Overdue, 1), Of(read[(DemandIndicators.Overdue, u.Path)]));
                Assert.Equal(new IndicatorValueOf(r.Content, r.Rated), Of(read[(DemandIndicators.SatisfactionRate, u.Path)]));
                Assert.Equal(new IndicatorValueOf(Math.Round((decimal)r.Hours, 6), r.Timed), Of(read[(DemandIndicators.AvgResolveHours, u.Path)]));
            }
        }

        // Rows a rebuild would write against the maintained ones, as the sums they hold per path, date, category, level and
        // handler, for the daily and the monthly table.
        static List<string> Rows<T>(IEnumerable<T> rows, Func<T, DateOnly> date) where T : DemandFiguresRow => rows
            .GroupBy(x => (x.OrgPath, date(x), x.CategoryName, x.Level, x.HandlerUnitId))
            .Select(g => (g.Key, N: new[] { g.Sum(x => x.Received), g.Sum(x => x.Responded), g.Sum(x => x.RespondedInTime), g.Sum(x => x.Resolved),
                g.Sum(x => x.ResolvedWithTime), g.Sum(x => x.Timed), g.Sum(x => x.Overdue), g.Sum(x => x.Satisfied), g.Sum(x => x.BasicallySatisfied),
                g.Sum(x => x.Unsatisfied) }, H: Math.Round(g.Sum(x => x.Hours), 6)))
            .Where(x => x.N.Any(n => n != 0) || x.H != 0)
            .Select(x => $"{x.Key} {string.Join(',', x.N)} {x.H}").Order(StringComparer.Ordinal).ToList();
        async Task<List<string>> Days() => Rows(await db.DemandDayFigures.AcrossScope().AsNoTracking().ToListAsync(), x => x.Day);
        async Task<List<string>> Months() => Rows(await db.DemandMonthFigures.AcrossScope().AsNoTracking().ToListAsync(), x => x.Month);
        var (days, months) = (await Days(), await Months());
        await using var tx = await db.Database.BeginTransactionAsync();
        await new DailyFiguresAggregate().RebuildAsync(db, default);
        await new MonthlyFiguresAggregate().RebuildAsync(db, default);
        Assert.Equal(await Days(), days);
        Assert.Equal(await Months(), months);
        await tx.RollbackAsync();
    }

    record IndicatorValueOf(decimal Numerator, decimal Denominator);

    static IndicatorValueOf Of(Lianxin.Web.Platform.Indicators.IndicatorValue v) => new(Math.Round(v.Numerator, 6), v.Denominator);

    [Fact]
    public async Task After_any_sequence_of_demand_steps_and_unit_moves_the_maintained_figures_equal_a_recount_and_a_rebuild()
    {
        var p = Arrange();
        var clock = new FakeTimeProvider(Start);
        await Sequences.SampleAsync(async ops =>
        {
            foreach (var op in ops) await ApplyAsync(op, p, clock);
            await AssertMaintainedEqualsRecountAndRebuildAsync(p, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8)));
        }, iter: 8, threads: 1);
    }

    [Fact]
    public async Task A_year_of_a_street_figures_is_summed_from_the_daily_rows_without_reading_the_demands()
    {
        var counter = new QueryCounter();
        using var host = QueryCounter.On(app, counter);
        var street = app.WithDb(db => db.RoleGrants.First(g => g.UserId == db.Users.First(u => u.UserName == "street").Id).OrgUnitId);
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = (await app.ApiAs("street")).DefaultRequestHeaders.Authorization;
        var url = $"/api/v1/demands/figures?unitId={street}&from=2025-12-01&to=2026-11-30";
        (await api.GetAsync(url)).EnsureSuccessStatusCode();

        var sent = await counter.CountAsync(async () => (await api.GetAsync(url)).EnsureSuccessStatusCode());

        // December 2025 to November 2026 are whole months: no daily row is read (ADR 0045).
        Assert.Contains(sent, q => q.Contains("dem_monthly_figures"));
        Assert.DoesNotContain(sent, q => q.Contains("dem_daily_figures"));
        Assert.DoesNotContain(sent, q => q.Contains("dem_demands"));
    }

    [Theory]
    // A year to today: both end months are read whole, minus their days outside the year (two past ones, the future ones).
    [InlineData("2025-12-03", "2026-12-02", "2026-12-02", "2025-12-01", "2026-12-01", "", "2025-12-01..2025-12-02 2026-12-03..2026-12-31")]
    // The same year seen from later (every day counts): the last month's two days are read by day.
    [InlineData("2025-12-03", "2026-12-02", null, "2025-12-01", "2026-11-01", "2026-12-01..2026-12-02", "2025-12-01..2025-12-02")]
    // The default 30 days: last month minus its first two days, this month so far.
    [InlineData("2026-11-03", "2026-12-02", "2026-12-02", "2026-11-01", "2026-12-01", "", "2026-11-01..2026-11-02 2026-12-03..2026-12-31")]
    [InlineData("2026-01-01", "2026-03-31", null, "2026-01-01", "2026-03-01", "", "")]
    [InlineData("2026-01-15", "2026-02-10", null, null, null, "2026-01-15..2026-02-10", "")]
    [InlineData("2026-01-01", "2026-01-30", null, "2026-01-01", "2026-01-01", "", "2026-01-31..2026-01-31")]
    [InlineData("2026-01-10", "2026-01-20", null, null, null, "2026-01-10..2026-01-20", "")]
    [InlineData("2026-01-02", "2026-02-28", null, "2026-01-01", "2026-02-01", "", "2026-01-01..2026-01-01")]
    [InlineData("2026-01-01", "2026-02-10", null, "2026-01-01", "2026-01-01", "2026-02-01..2026-02-10", "")]
    [InlineData("2024-02-01", "2024-02-29", null, "2024-02-01", "2024-02-01", "", "")]
    public void A_period_reads_months_from_the_monthly_rows_and_the_days_of_its_partial_months_or_the_month_minus_its_other_days(
        string from, string to, string? today, string? m1, string? m2, string days, string minus)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s);
        static List<DayRange> R(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split("..")).Select(r => new DayRange(DateOnly.Parse(r[0]), DateOnly.Parse(r[1]))).ToList();
        var spans = FigureSpans.Of(D(from)!.Value, D(to)!.Value, D(today));
        Assert.Equal((D(m1), D(m2)), (spans.FirstMonth, spans.LastMonth));
        Assert.Equal(R(days), spans.Days);
        Assert.Equal(R(minus), spans.Minus);
    }
}
