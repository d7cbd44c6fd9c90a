using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.OrgLife;

/// <summary>Members with sign-in accounts (a member scans as themselves) and training sessions, arranged behind the app's back.</summary>
static class TrainingBuild
{
    public static OrgUnit Xingfu(this LianxinApp app) => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "幸福社区党委"));

    /// <summary>A member of <paramref name="branch"/> since <paramref name="since"/> with an account (role 党员 at the branch) named like the member.</summary>
    public static (Member Member, string UserName) MemberWithAccount(this LianxinApp app, OrgUnit branch, string name, DateOnly? since = null)
    {
        var member = app.Joined(branch, name, since ?? new DateOnly(2020, 1, 1));
        var userName = "m" + Guid.NewGuid().ToString("N")[..10];
        app.WithScope(sp =>
        {
            var db = sp.GetRequiredService<LianxinDb>();
            var user = new AppUser { UserName = userName, DisplayName = name, TenantId = db.CurrentTenantId, CreatedAt = DateTime.UtcNow };
            Assert.True(sp.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, DemoSetup.Password).GetAwaiter().GetResult().Succeeded);
            db.RoleGrants.Add(new RoleGrant { TenantId = user.TenantId, UserId = user.Id, Role = Role.Member, OrgUnitId = branch.Id, OrgPath = branch.Path, GrantedAt = DateTime.UtcNow });
            db.Members.Single(m => m.Id == member.Id).UserId = user.Id;
            return db.SaveChanges();
        });
        return (app.WithDb(db => db.Members.Single(m => m.Id == member.Id)), userName);
    }

    /// <summary>A session organised by <paramref name="organiser"/> for the roster (or the invited) under <paramref name="audience"/>, from <paramref name="start"/> for two hours.</summary>
    public static TrainingSession Session(this LianxinApp app, OrgUnit organiser, DateTime start, OrgUnit? audience = null, TrainingAudience who = TrainingAudience.Roster,
        TrainingKind kind = TrainingKind.Lecture) => app.WithDb(db =>
    {
        var a = audience ?? organiser;
        var s = new TrainingSession
        {
            OrganiserId = organiser.Id, OrgPath = organiser.Path, Kind = kind, Title = "测试培训" + Guid.NewGuid().ToString("N")[..4], AudienceUnitId = a.Id, AudiencePath = a.Path,
            Audience = who, HeldOn = DateOnly.FromDateTime(ChinaTime.ToBeijing(start)), StartsAt = start, EndsAt = start.AddHours(2), Place = "党群服务中心",
            CreatedAt = start.AddDays(-3), UpdatedAt = start.AddDays(-3), CreatedBy = "test",
        };
        db.TrainingSessions.Add(s);
        db.SaveChanges();
        return s;
    });

    /// <summary>A record of <paramref name="m"/> in <paramref name="s"/>: signed in (or only enrolled) with a score.</summary>
    public static void Attend(this LianxinDb db, TrainingSession s, Member m, int? score = null, bool signed = true)
    {
        db.TrainingRecords.Add(new TrainingRecord
        {
            SessionId = s.Id, OrgPath = m.OrgPath, MemberId = m.Id, MemberName = m.Name, HeldOn = s.HeldOn, Kind = s.Kind, EnrolledAt = s.CreatedAt,
            SignedInAt = signed ? s.StartsAt : null, SignedInBy = signed ? "test" : null, Score = score,
        });
        db.SaveChanges();
    }

    /// <summary>Runs a use case as the signed-in account <paramref name="userName"/> (their grants loaded as the middleware does).</summary>
    public static T As<T>(this LianxinApp app, string userName, Func<IServiceProvider, LianxinDb, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var tenant = sp.GetRequiredService<Tenancy>().DefaultTenantId;
        var db = sp.GetRequiredService<LianxinDb>();
        var user = db.Users.IgnoreQueryFilters().AsNoTracking().Single(u => u.UserName == userName);
        var grants = db.RoleGrants.IgnoreQueryFilters().AsNoTracking().Where(g => g.UserId == user.Id).ToList();
        sp.GetRequiredService<OrgScope>().SetUser(user.Id, userName, tenant, grants, null);
        return work(sp, db).GetAwaiter().GetResult();
    }

    public static TrainingCodes Codes(IServiceProvider sp, TimeProvider clock) => new(sp.GetRequiredService<IDataProtectionProvider>(), clock);
}
