using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Demo;

/// <summary>
/// Appointment slots of 和平社区 and 幸福社区 for the next two weeks (mornings for every service, afternoons for
/// 代办·帮办·陪办), and one 代办 demand holding a place, all through the same use cases as the app.
/// </summary>
public static class DemoServices
{
    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var ct = CancellationToken.None;
        var today = clock.Today();
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var communities = g.Units.Where(u => u.Kind == OrgKind.Community && u.ParentId == street.Id).Take(2).ToList();
        foreach (var community in communities)
        {
            var place = $"{community.ShortName.Replace("党委", "")}党群服务中心一楼便民窗口";
            for (var day = today.AddDays(1); day <= today.AddDays(14); day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                await ServiceSlots.CreateAsync(db, org, clock, new SlotRequest
                {
                    CommunityId = community.Id, Date = day, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(11, 0), Capacity = 4,
                    Modes = [.. SlotRules.ServiceModes], Place = place,
                }, ct);
                await ServiceSlots.CreateAsync(db, org, clock, new SlotRequest
                {
                    CommunityId = community.Id, Date = day, StartTime = new TimeOnly(14, 30), EndTime = new TimeOnly(16, 30), Capacity = 3,
                    Modes = [ServiceMode.OnBehalf, ServiceMode.Assisted, ServiceMode.Accompanied], Place = place,
                }, ct);
            }
        }

        var heping = communities[0];
        var categories = await Categories.ForStreetAsync(db, org, street.Id, ct);
        var onBehalf = categories.FirstOrDefault(c => c.ServiceMode == ServiceMode.OnBehalf);
        var slot = await db.ServiceSlots.Where(s => s.CommunityId == heping.Id).OrderBy(s => s.StartsAt).FirstOrDefaultAsync(ct);
        if (onBehalf is null || slot is null) return;
        var compound = g.Compounds.FirstOrDefault(c => c.CommunityId == heping.Id);
        await SubmitDemand.HandleAsync(db, org, sp.GetRequiredService<PlaceDirectory>(), sp.GetRequiredService<PersonalData>(), clock, new SubmitDemandRequest
        {
            CommunityId = heping.Id, CategoryId = onBehalf.Id, Description = "行动不便，想请社区代办高龄津贴申领。", CompoundId = compound?.Id,
            Address = compound is null ? "和平社区" : null, ContactName = "钱奶奶", ContactPhone = "13600006543", SlotId = slot.Id,
        }, null, isPublic: true, ct);
    }
}
