using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Volunteering;

/// <summary>Arranging activities and volunteers through the module's use cases, on a clock the test moves.</summary>
static class VolunteeringFixture
{
    public static OrgUnit Heping(this LianxinApp app) => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));

    /// <summary>A community activity starting at <paramref name="start"/> for <paramref name="hours"/> hours, published a week before.</summary>
    public static Guid Activity(this LianxinApp app, DateTime start, int capacity, int hours = 2, string title = "测试巡防", OrgUnit? unit = null)
    {
        var beijing = ChinaTime.ToBeijing(start);
        var community = unit ?? app.Heping();
        return app.WithScope(sp =>
        {
            var saved = CreateActivity.HandleAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<OrgDirectory>(), new FakeTimeProvider(start.AddDays(-7)),
                new ActivityInput
                {
                    UnitId = community.Id, Title = title + Guid.NewGuid().ToString("N")[..4], Kind = ActivityKind.Patrol, Place = "南门",
                    Day = DateOnly.FromDateTime(beijing), From = TimeOnly.FromDateTime(beijing), To = TimeOnly.FromDateTime(beijing.AddHours(hours)), Capacity = capacity,
                }, default).GetAwaiter().GetResult();
            Assert.True(saved.IsOk, saved.Message);
            return saved.Value!.Id;
        });
    }

    /// <summary>A volunteer with a fresh account of its own (no role needed for the use cases run as the system).</summary>
    public static Volunteer NewVolunteer(this LianxinApp app, string name)
    {
        var user = new AppUser { UserName = "vol-" + Guid.NewGuid().ToString("N")[..10], DisplayName = name };
        app.WithDb(db =>
        {
            user.TenantId = db.CurrentTenantId;
            db.Users.Add(user);
            return db.SaveChanges();
        });
        return new Volunteer(user.Id, name, null);
    }

    public static T Run<T>(this LianxinApp app, Func<LianxinDb, IServiceProvider, Task<T>> work) =>
        app.WithScope(sp => work(sp.GetRequiredService<LianxinDb>(), sp).GetAwaiter().GetResult());
}
