using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// X贤银行 of 和平社区: 40 depositors (the demo "resident" and "member" and 38 residents without a password, who cannot sign in),
/// each with an approved good deed (proposed by "staff", approved by "secretary"); the confirmed hours of the volunteering demo
/// are credited when the event job delivers them. Five approved merchants (the demo "merchant" among them) with catalogues, a
/// month of redemptions at their tills (confirmed, voided, one left to lapse), and last month settled for "merchant".
/// Every step is the module's own use case run as the person who would do it (their grants loaded as the middleware does),
/// on a clock set to when it would have happened, so the demo ledger is made exactly as a real one and its check holds.
/// </summary>
public static class DemoPointsBank
{
    sealed class At(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    static readonly string[] Residents =
    [
        "张桂兰", "刘建国", "陈美华", "赵志刚", "周小燕", "吴海波", "孙丽萍", "马国强", "朱秀珍", "胡文斌", "郭春梅", "何志明", "高玉兰",
        "林海燕", "罗振华", "梁淑英", "宋德福", "郑晓红", "谢永军", "韩冬梅", "唐建平", "冯秀兰", "于宏伟", "董丽华", "萧成林", "程桂芳",
        "曹金山", "袁晓燕", "邓国华", "许玉梅", "傅志强", "沈雪芬", "曾庆祥", "彭丽娟", "吕长生", "苏慧敏", "卢建明", "蒋彩霞",
    ];

    record Shop(string UserName, string Name, string Address, string Contact, string Phone, (string Item, int Points, int Stock)[] Items);

    static readonly Shop[] Shops =
    [
        new("merchant", "便民超市", "和平路 35 号", "王德胜", "13588001234", [("洗衣液 1 瓶", 30, 40), ("大米 5 斤", 50, 30), ("抽纸 1 提", 20, 60)]),
        new("pbshop2", "和平理发店", "和平路 12 号", "李红梅", "13588002345", [("理发 1 次", 25, 100), ("老人洗剪吹", 20, 100)]),
        new("pbshop3", "惠民药房", "和平里小区 3 栋底商", "陈立新", "13588003456", [("口罩 1 盒", 15, 80), ("血压测量与建档", 10, 200)]),
        new("pbshop4", "老街早餐铺", "和平路 58 号", "赵大姐", "13588004567", [("早餐套餐", 12, 150), ("豆浆 1 周", 35, 40)]),
        new("pbshop5", "明亮眼镜店", "光华街 6 号", "周明亮", "13588005678", [("眼镜清洗调校", 10, 200), ("老花镜 1 副", 45, 20)]),
    ];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var ct = CancellationToken.None;
        var tenant = g.District.TenantId;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var db = sp.GetRequiredService<LianxinDb>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var codes = sp.GetRequiredService<DepositorCode>();
        var options = sp.GetRequiredService<PointsBankOptions>();

        // Last month (Beijing days) is the period settled; the bank opened ten days before it.
        var today = DateOnly.FromDateTime(ChinaTime.ToBeijing(now));
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var opened = ChinaTime.ToUtc(lastMonth.AddDays(-10), new TimeOnly(9, 0));

        var accounts = await db.Users.Where(u => u.UserName == "resident" || u.UserName == "member" || u.UserName == "staff"
            || u.UserName == "secretary" || u.UserName == "merchant").ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var depositors = new List<(Guid Id, string UserName)> { (accounts["resident"], "resident"), (accounts["member"], "member") };
        for (var i = 0; i < Residents.Length; i++)
            depositors.Add((await AccountAsync(db, users, tenant, community, $"pbdepositor{i + 1:00}", Residents[i], Role.Resident, now), $"pbdepositor{i + 1:00}"));
        var owners = new List<Guid> { accounts["merchant"] };
        foreach (var s in Shops.Skip(1)) owners.Add(await AccountAsync(db, users, tenant, community, s.UserName, "商家 " + s.Name, Role.Merchant, now));

        var (staff, secretary) = (accounts["staff"], accounts["secretary"]);
        // The community's rates, before the volunteering demo's hours are delivered and credited at them.
        foreach (var (kind, rate) in new[] { ("Patrol", 12), ("Environment", 10), ("MutualAid", 15), ("Publicity", 8), ("Skills", 20) })
            Ok(await As(sp, tenant, secretary, (s, d) => SetEarnRate.HandleAsync(d, s.GetRequiredService<OrgDirectory>(), community.Id,
                new EarnRateRequest(kind, rate), ct)), "积分规则");

        // A good deed for each depositor, proposed by the social worker and approved by the secretary a day later.
        string[] deeds = ["帮助独居老人买菜送药", "拾金不昧，归还失主钱包", "义务清理楼道杂物", "雨夜协助疏通积水", "调解邻里噪音纠纷", "照看放学无人接的孩子"];
        for (var i = 0; i < depositors.Count; i++)
        {
            var proposedAt = opened.AddDays(i % 9).AddHours(i % 5);
            var deed = Ok(await As(sp, tenant, staff, (s, d) => ProposeGoodDeed.HandleAsync(d, s.GetRequiredService<OrgDirectory>(), new At(proposedAt),
                new GoodDeedInput { CommunityId = community.Id, UserName = depositors[i].UserName, Description = deeds[i % deeds.Length], Points = 60 + i * 37 % 150 }, ct)), "好人好事");
            Ok(await As(sp, tenant, secretary, (_, d) => DecideGoodDeed.HandleAsync(d, new At(proposedAt.AddDays(1)), deed.Id,
                new DecideGoodDeedRequest(true, deed.Version), ct)), "审核好人好事");
        }
        // Two more wait for a second person's approval, so the staff page has something to decide.
        foreach (var i in new[] { 0, 5 })
            Ok(await As(sp, tenant, staff, (s, d) => ProposeGoodDeed.HandleAsync(d, s.GetRequiredService<OrgDirectory>(), new At(now.AddHours(-3 - i)),
                new GoodDeedInput { CommunityId = community.Id, UserName = depositors[i].UserName, Description = "协助社区开展防汛巡查", Points = 40 }, ct)), "待审核好人好事");
        foreach (var (id, _) in depositors.Where((_, i) => i % 3 == 0))
            Ok(await As(sp, tenant, id, (_, d) => SetShowName.HandleAsync(d, new ShowNameRequest(true), ct)), "X贤榜显示姓名");

        // The shops apply, the community approves them, each puts out its catalogue.
        var items = new List<(Guid Owner, Guid Item)>();
        var merchants = new List<Guid>();
        for (var k = 0; k < Shops.Length; k++)
        {
            var (shop, owner, applied) = (Shops[k], owners[k], opened.AddHours(k));
            var m = Ok(await As(sp, tenant, owner, (s, d) => ApplyAsMerchant.HandleAsync(d, s.GetRequiredService<OrgDirectory>(), new At(applied),
                new MerchantApplication { Name = shop.Name, Address = shop.Address, ContactName = shop.Contact, Phone = shop.Phone }, ct)), shop.Name);
            Ok(await As(sp, tenant, secretary, (_, d) => DecideMerchant.HandleAsync(d, new At(applied.AddHours(20)), m.Id, new DecideMerchantRequest(true, null, m.Version), ct)), shop.Name);
            merchants.Add(m.Id);
            foreach (var (item, points, stock) in shop.Items)
                items.Add((owner, Ok(await As(sp, tenant, owner, (_, d) => AddCatalogueItem.HandleAsync(d, new At(applied.AddDays(1)),
                    new CatalogueItemInput { Name = item, Points = points, Stock = stock }, ct)), item).Id));
        }

        // Last month at the tills: mostly handed over, two called off, one the shop never confirmed (its hold lapses).
        var n = 0;
        for (var day = 2; day <= 26; day += 2, n++)
            await RedeemAsync(sp, tenant, codes, options, items[n % items.Count], depositors[n].Id, ChinaTime.ToUtc(lastMonth.AddDays(day), new TimeOnly(10 + n % 8, 15)),
                n is 3 or 9 ? RedemptionState.Voided : n == 6 ? RedemptionState.Expired : RedemptionState.Confirmed, ct);
        for (var extra = 0; extra < 4; extra++, n++) // the demo merchant's till was busiest
            await RedeemAsync(sp, tenant, codes, options, items[extra % 3], depositors[n].Id, ChinaTime.ToUtc(lastMonth.AddDays(5 + extra * 6), new TimeOnly(16, 40)),
                RedemptionState.Confirmed, ct);
        Ok(await As(sp, tenant, secretary, (_, d) => SettleMerchant.HandleAsync(d, new At(now), merchants[0],
            new SettleRequest(lastMonth, lastMonth.AddMonths(1).AddDays(-1)), ct)), "结算");
        // This month so far, not settled yet.
        for (var k = 0; k < 4; k++, n++)
            await RedeemAsync(sp, tenant, codes, options, items[k * 3 % items.Count], depositors[n].Id, now.AddMinutes(-30 - 20 * k), RedemptionState.Confirmed, ct);
    }

    /// <summary>A sign-in account with a role at the community and no password: it holds demo data and can never sign in.</summary>
    static async Task<Guid> AccountAsync(LianxinDb db, UserManager<AppUser> users, Guid tenant, Modules.Organizations.Domain.OrgUnit unit, string userName,
        string displayName, Role role, DateTime now)
    {
        var user = new AppUser { UserName = userName, DisplayName = displayName, TenantId = tenant, CreatedAt = now };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        db.RoleGrants.Add(new RoleGrant { TenantId = tenant, UserId = user.Id, Role = role, OrgUnitId = unit.Id, OrgPath = unit.Path, GrantedAt = now });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>A scan at the merchant's till, then what the merchant (or the hold job, when nobody confirmed) did with it.</summary>
    static async Task RedeemAsync(IServiceProvider sp, Guid tenant, DepositorCode codes, PointsBankOptions options, (Guid Owner, Guid Item) at, Guid depositor,
        DateTime when, RedemptionState end, CancellationToken ct)
    {
        var id = Guid.CreateVersion7(when);
        Ok(await As(sp, tenant, at.Owner, (_, d) => RedeemAtTill.HandleAsync(d, codes, new At(when), options,
            new RedeemRequest { RequestId = id, Code = codes.Issue(depositor).Code, ItemId = at.Item }, ct)), "扫码兑换");
        if (end == RedemptionState.Confirmed)
            Ok(await As(sp, tenant, at.Owner, (_, d) => ConfirmRedemption.HandleAsync(d, new At(when.AddMinutes(2)), id, ct)), "确认兑换");
        else if (end == RedemptionState.Voided)
            Ok(await As(sp, tenant, at.Owner, (_, d) => VoidRedemption.HandleAsync(d, new At(when.AddMinutes(3)), id, ct)), "作废兑换");
        else
            await As(sp, tenant, null, (_, d) => new ExpireHoldsJob(d, new At(when.AddMinutes(options.HoldMinutes + 1))).RunOnceAsync(tenant, ct));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a scope of its own as <paramref name="userId"/> with their grants (as the middleware loads them),
    /// or as the tenant's system when null; audit stays suppressed as for the rest of the generated district.
    /// </summary>
    static async Task<T> As<T>(IServiceProvider sp, Guid tenant, Guid? userId, Func<IServiceProvider, LianxinDb, Task<T>> work)
    {
        await using var scope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var s = scope.ServiceProvider;
        var who = s.GetRequiredService<OrgScope>().AsSystem(tenant, suppressAudit: true);
        var db = s.GetRequiredService<LianxinDb>();
        if (userId is { } id)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.UserName).FirstAsync();
            who.SetUser(id, user ?? "", tenant, await db.RoleGrants.AsNoTracking().Where(g => g.UserId == id).ToListAsync(), null);
        }
        return await work(s, db);
    }

    static T Ok<T>(Outcome<T> o, string what) =>
        o.IsOk ? o.Value! : throw new InvalidOperationException($"演示X贤银行 {what}：{o.Message ?? string.Join("；", o.Errors?.SelectMany(e => e.Value) ?? [])}");
}
