using Lianxin.Tests.Members;
using Lianxin.Tests.OrgLife;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Rollups;

/// <summary>
/// Members' figures and the training coverage read every subtree asked at once (ADR 0039): where a figure of one subtree could
/// pick up another's rows — a member transferred from one street to the other during the period, a community with no members,
/// a branch dissolved after its member left — each subtree still gets what the old per-subtree read gave it. Two streets of their own.
/// </summary>
[Collection(AppCollection.Name)]
public class MemberRollupTests(LianxinApp app)
{
    static readonly DateOnly Today = new(2026, 6, 15);
    static FakeTimeProvider Clock => new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    record Town(OrgUnit District, OrgUnit S1, OrgUnit S2, OrgUnit A, OrgUnit Empty, OrgUnit B, OrgUnit BranchA, OrgUnit BranchB, OrgUnit Dissolved)
    {
        public IReadOnlyList<string> Paths => [District.Path, S1.Path, S2.Path, A.Path, Empty.Path, B.Path, BranchA.Path, BranchB.Path, Dissolved.Path];
    }

    async Task<T> AsSystem<T>(Func<IServiceProvider, LianxinDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    /// <summary>
    /// Street 1: community A (branch a: 甲 stays, 乙 leaves for branch b on 1 May, still living in A and reported to it) and a community
    /// with no members. Street 2: community B (branch b: 丁, working away since 1 June; branch d: 丙 until 1 February, then b, and d
    /// dissolved). 甲 and 乙 signed in to a training in March.
    /// </summary>
    async Task<Town> ArrangeAsync()
    {
        var (district, s1, s2, a, empty, b, branchA, branchB, dissolved, mobile) = app.WithDb(db =>
        {
            var district = db.OrgUnits.Single(u => u.Kind == OrgKind.District);
            var s1 = db.Unit(district, OrgKind.Street, "多路汇总街道一");
            var s2 = db.Unit(district, OrgKind.Street, "多路汇总街道二");
            var a = db.Unit(s1, OrgKind.Community, "多路汇总社区甲");
            var empty = db.Unit(s1, OrgKind.Community, "多路汇总无党员社区");
            var b = db.Unit(s2, OrgKind.Community, "多路汇总社区乙");
            return (district, s1, s2, a, empty, b, db.Unit(a, OrgKind.Branch, "多路汇总支部a"), db.Unit(b, OrgKind.Branch, "多路汇总支部b"),
                db.Unit(b, OrgKind.Branch, "多路汇总支部d"), db.Unit(s2, OrgKind.Branch, "多路汇总流动党员党支部", BranchKind.SocialOrganization));
        });
        var since = new DateOnly(2020, 1, 1);
        var (jia, yi, bing, ding) = (app.Joined(branchA, "多路甲", since), app.Joined(branchA, "多路乙", since), app.Joined(dissolved, "多路丙", since), app.Joined(branchB, "多路丁", since));
        app.WithDb(db =>
        {
            foreach (var (m, home) in new[] { (jia, a), (yi, a), (ding, b) }) db.Members.Single(x => x.Id == m.Id).ResidenceCommunityId = home.Id;
            db.DualReports.Add(new DualReport { Kind = ReporterKind.Member, MemberId = yi.Id, Name = yi.Name, CommunityId = a.Id, OrgPath = a.Path,
                ReportedOn = new(2026, 5, 10), Status = DualReportStatus.Reported });
            return db.SaveChanges();
        });
        foreach (var (m, to, on) in new[] { (bing, branchB, new DateOnly(2026, 2, 1)), (yi, branchB, new DateOnly(2026, 5, 1)) })
        {
            var moved = await AsSystem((sp, db) => TransferMember.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<PlaceDirectory>(),
                sp.GetRequiredService<PersonalData>(), Clock, m.Id, new TransferForm { ToBranchId = to.Id, On = on, Reason = "工作调动",
                    Version = db.Members.AsNoTracking().Single(x => x.Id == m.Id).Version }, default));
            Assert.True(moved.IsOk, moved.Message);
        }
        var away = await AsSystem((sp, db) => MarkMobile.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<PersonalData>(), Clock, ding.Id,
            new MobileForm { City = "深圳", MobileBranchId = mobile.Id, StartedOn = new(2026, 6, 1) }, default));
        Assert.True(away.IsOk, away.Message);
        var gone = await AsSystem((sp, db) => DissolveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), Clock, dissolved.Id,
            new DissolveUnitRequest { Reason = "党员已转出", Version = db.OrgUnits.AsNoTracking().Single(u => u.Id == dissolved.Id).Version }, default));
        Assert.True(gone.IsOk, gone.Message);
        var training = app.Session(a, new DateTime(2026, 3, 10, 6, 0, 0, DateTimeKind.Utc));
        app.WithDb(db => { db.Attend(training, jia); db.Attend(training, yi); return 0; });
        return new Town(district, s1, s2, a, empty, b, branchA, branchB, dissolved);
    }

    [Fact]
    public async Task Each_subtree_read_with_the_others_gets_what_it_got_read_alone_and_by_the_old_per_subtree_count()
    {
        var t = await ArrangeAsync();
        await AsSystem(async (sp, db) =>
        {
            var members = new MemberIndicators(db);
            var training = new TrainingIndicators(db, sp.GetRequiredService<MemberDirectory>());
            var codes = members.Indicators.Select(i => i.Code).ToList();
            var year = await members.ReadAsync(codes, t.Paths, new(2026, 1, 1), new(2026, 6, 30), default);
            var covered = new Dictionary<DateOnly, IReadOnlyDictionary<(string, string), IndicatorValue>>();
            foreach (var to in new DateOnly[] { new(2026, 1, 31), new(2026, 3, 31), new(2026, 6, 30) })
                covered[to] = await training.ReadAsync([TrainingIndicators.Coverage], t.Paths, new(2026, 1, 1), to, default);

            // Today: 甲 in a; 乙, 丙 and 丁 in b, 丁 away; 乙 lives in A, held in another street's branch, and reported there.
            // (members, reported, living here held elsewhere, away)
            (int, int, int, int) Figures(string path) => ((int)year[(MemberIndicators.Count, path)].Numerator, (int)year[(MemberIndicators.DualReported, path)].Numerator,
                (int)year[(MemberIndicators.DualReportRate, path)].Denominator, (int)year[(MemberIndicators.Mobile, path)].Numerator);
            Assert.Equal([(1, 1, 1, 0), (3, 0, 0, 1), (1, 1, 1, 0), (0, 0, 0, 0), (3, 0, 0, 1), (0, 0, 0, 0)],
                new[] { t.S1, t.S2, t.A, t.Empty, t.B, t.Dissolved }.Select(u => Figures(u.Path)));
            // Training (trained, roster at the end of the period): 乙 counts in street 1 until May, in street 2 after; 丙 in d until February.
            (int, int) Share(DateOnly to, OrgUnit u) => ((int)covered[to][(TrainingIndicators.Coverage, u.Path)].Numerator, (int)covered[to][(TrainingIndicators.Coverage, u.Path)].Denominator);
            Assert.Equal([(0, 2), (0, 2), (0, 0), (0, 1)], new[] { t.S1, t.S2, t.Empty, t.Dissolved }.Select(u => Share(new(2026, 1, 31), u)));
            Assert.Equal([(2, 2), (0, 2), (0, 0), (0, 0)], new[] { t.S1, t.S2, t.Empty, t.Dissolved }.Select(u => Share(new(2026, 3, 31), u)));
            Assert.Equal([(1, 1), (1, 3), (0, 0), (0, 0)], new[] { t.S1, t.S2, t.Empty, t.Dissolved }.Select(u => Share(new(2026, 6, 30), u)));

            // Every path, the district included: as read alone, and as the old per-subtree code counted it.
            var org = sp.GetRequiredService<OrgDirectory>();
            var directory = sp.GetRequiredService<MemberDirectory>();
            foreach (var path in t.Paths)
            {
                foreach (var (key, alone) in await members.ReadAsync(codes, [path], new(2026, 1, 1), new(2026, 6, 30), default))
                    Assert.True(year[key] == alone, $"{key}: {alone} alone, {year[key]} with the others");
                var (living, reported) = await MemberFiguresRecount.DualAsync(db, org, path);
                Assert.Equal((await MemberFiguresRecount.CountAsync(db, path), reported, living, await MemberFiguresRecount.MobileAsync(db, path, new(2026, 6, 30))),
                    Figures(path));
                foreach (var (to, together) in covered)
                {
                    var trained = await GetTrainingCoverage.TrainedAsync(db, new(2026, 1, 1), to, default);
                    var roster = await directory.RosterOnAsync(path, to, default);
                    Assert.Equal(new IndicatorValue(roster.Count(trained.Contains), roster.Count), together[(TrainingIndicators.Coverage, path)]);
                    Assert.Equal(together[(TrainingIndicators.Coverage, path)],
                        (await training.ReadAsync([TrainingIndicators.Coverage], [path], new(2026, 1, 1), to, default))[(TrainingIndicators.Coverage, path)]);
                }
            }
            return 0;
        });
    }

    [Fact]
    public async Task The_coverage_page_splits_one_roster_read_between_the_unit_and_its_children()
    {
        var t = await ArrangeAsync();
        var report = await AsSystem((sp, db) => GetTrainingCoverage.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<MemberDirectory>(),
            Clock, t.B.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), default));
        Assert.True(report.IsOk, report.Message);
        // Community B at the end of June: 乙 (trained), 丙 and 丁 in b; the dissolved d is no longer listed.
        Assert.Equal((1, 3), (report.Value!.Total.Trained, report.Value.Total.Members));
        Assert.Equal([("多路汇总支部b", 1, 3)], report.Value.Children.Select(c => (c.Unit, c.Trained, c.Members)));
    }
}
