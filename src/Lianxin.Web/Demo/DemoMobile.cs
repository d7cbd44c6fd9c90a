using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// 流动党员 in 东湖街道: the street's 流动党员党支部, three members of 和平社区第一网格党支部 (the demo account "grid") working in other
/// cities who take part in its org life online, and one who came back, through the Members use cases.
/// </summary>
public static class DemoMobile
{
    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var pd = sp.GetRequiredService<PersonalData>();
        var ct = CancellationToken.None;
        var today = clock.Today();
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var grid = DemoDistrict.Place(g, DemoPlace.GridBranch);
        var id = Guid.CreateVersion7();
        var place = street.ShortName.Replace("党工委", "");
        var branch = new OrgUnit
        {
            Id = id, TenantId = street.TenantId, ParentId = street.Id, Path = OrgUnit.PathOf(street.Path, id), Depth = street.Depth + 1,
            Kind = OrgKind.Branch, Name = $"中共{place}流动党员支部委员会", ShortName = $"{place}流动党员党支部", Code = $"{street.Code}-LD", SortOrder = 300,
        };
        db.OrgUnits.Add(branch);
        g.Units.Add(branch);
        await db.SaveChangesAsync(ct);

        var people = await db.Members.Where(m => m.BranchId == grid.Id && m.UserId == null && m.Status == Modules.Members.Domain.MemberStatus.Normal)
            .OrderBy(m => m.JoinedOn).Take(4).ToListAsync(ct);
        (string City, string Workplace, string Phone, bool Online, bool Reports, int DaysAgo)[] away =
        [
            ("浙江省杭州市", "杭州某物流有限公司", "13857160231", true, true, 210),
            ("广东省深圳市", "深圳某电子科技有限公司", "13923851146", true, false, 150),
            ("江苏省苏州市", "苏州工业园区某精密制造厂", "15262410587", false, true, 90),
            ("上海市", "上海某建筑工程公司（项目部）", "13601792264", true, true, 400),
        ];
        for (var i = 0; i < Math.Min(people.Count, away.Length); i++)
        {
            var (city, workplace, phone, online, reports, daysAgo) = away[i];
            var marked = await MarkMobile.HandleAsync(db, org, pd, clock, people[i].Id, new MobileForm
            {
                City = city, Workplace = workplace, ContactPhone = phone, MobileBranchId = branch.Id, OnlineMeetings = online, Reports = reports,
                StartedOn = today.AddDays(-daysAgo),
            }, ct);
            if (!marked.IsOk) throw new InvalidOperationException($"演示流动党员 {people[i].Name}：{marked.Message}");
            // The last one worked on a building site in Shanghai for the season and is back.
            if (i == 3)
            {
                var ended = await EndMobile.HandleAsync(db, org, pd, clock, marked.Value!.Id,
                    new EndForm { EndedOn = today.AddDays(-120), Reason = "工程结束，返乡就业", Version = marked.Value.Version }, ct);
                if (!ended.IsOk) throw new InvalidOperationException($"演示流动党员返回 {people[i].Name}：{ended.Message}");
            }
        }
    }
}
