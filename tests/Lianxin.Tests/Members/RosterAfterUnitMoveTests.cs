using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Members;

/// <summary>
/// A community moved to another street takes its members' past with it: last month's roster of its branch (what a meeting of
/// last month is checked against) and the new street's roster still hold them, as the branch's other rows follow the move.
/// Migration 0057 repairs the transfers of moves made before.
/// </summary>
[Collection(AppCollection.Name)]
public class RosterAfterUnitMoveTests(LianxinApp app)
{
    [Fact]
    public async Task A_moved_communitys_members_stay_on_its_branchs_past_roster_and_join_the_new_streets()
    {
        var joined = new DateOnly(2025, 3, 1);
        var (memberId, branchId, communityId, newStreetId) = app.WithDb(db =>
        {
            var pd = app.Services.GetRequiredService<PersonalData>();
            var district = db.OrgUnits.First(u => u.Kind == OrgKind.District);
            var oldStreet = db.Unit(district, OrgKind.Street, "花名册迁移旧街道");
            var newStreet = db.Unit(district, OrgKind.Street, "花名册迁移新街道");
            var community = db.Unit(oldStreet, OrgKind.Community, "花名册迁移社区");
            var branch = db.Unit(community, OrgKind.Branch, "花名册迁移支部");
            var member = db.Member(pd, branch, "花名册迁移党员");
            db.MemberTransfers.Add(new MemberTransfer
            {
                MemberId = member.Id, OrgPath = branch.Path, Kind = TransferKind.Joined, ToBranchId = branch.Id, ToPath = branch.Path,
                On = joined, RecordedAt = DateTime.UtcNow, RecordedBy = "test",
            });
            db.MemberStatusChanges.Add(new MemberStatusChange
            {
                MemberId = member.Id, OrgPath = branch.Path, To = MemberStatus.Normal, On = joined, RecordedAt = DateTime.UtcNow, RecordedBy = "test",
            });
            db.SaveChanges();
            return (member.Id, branch.Id, community.Id, newStreet.Id);
        });

        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = sp.GetRequiredService<LianxinDb>();
        var community = await db.OrgUnits.FirstAsync(u => u.Id == communityId);
        var moved = await MoveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), new FakeTimeProvider(DateTimeOffset.UtcNow), communityId,
            new MoveUnitRequest { NewParentId = newStreetId, Version = community.Version }, default);
        Assert.True(moved.IsOk, moved.Message);

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Id == branchId || u.Id == newStreetId).ToDictionaryAsync(u => u.Id, u => u.Path);
        var directory = sp.GetRequiredService<MemberDirectory>();
        var lastMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1);
        Assert.Contains(memberId, await directory.RosterOnAsync(units[branchId], lastMonth, default));
        var places = await directory.RosterPlacesOnAsync(units[newStreetId], lastMonth, default);
        Assert.Equal([(memberId, units[branchId])], places.Select(p => (p.MemberId, p.BranchPath)));
        var spans = await directory.RosterSpansAsync(memberId, default);
        Assert.Equal([units[branchId]], spans.Select(s => s.BranchPath));

        // What a move before migration 0057 left behind (the old paths), and the migration setting them right (rolled back).
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.MemberTransfers.AcrossScope().Where(t => t.MemberId == memberId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ToPath, "/stale/"));
        Assert.DoesNotContain(memberId, await directory.RosterOnAsync(units[branchId], lastMonth, default));
        using var stream = typeof(Lianxin.Migrations.MigrationRunner).Assembly.GetManifestResourceStream(
            $"{(TestDatabase.IsPostgres ? "Postgres" : "Sqlite")}.0057_transfer_paths_follow_moves.sql")!;
        await db.Database.ExecuteSqlRawAsync(await new StreamReader(stream).ReadToEndAsync());
        Assert.Contains(memberId, await directory.RosterOnAsync(units[branchId], lastMonth, default));
        await tx.RollbackAsync();
    }
}
