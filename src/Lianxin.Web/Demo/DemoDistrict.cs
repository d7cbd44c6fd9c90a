using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Demo;

/// <summary>Where a demo account holds its role: the district, the first street, its first two communities, the first grid branch, the first compound branch.</summary>
public enum DemoPlace { District, Street, Community, NeighbourCommunity, GridBranch, CompoundBranch }

public record DemoAccount(string UserName, string DisplayName, Role Role, DemoPlace Place);

/// <summary>The demo district (青禾区) and one account per role, all with <see cref="DemoSetup.Password"/>.</summary>
public static class DemoDistrict
{
    public static readonly DemoAccount[] Accounts =
    [
        new("admin", "区委组织部 管理员", Role.DistrictAdmin, DemoPlace.District),
        new("street", "东湖街道 党建办", Role.StreetStaff, DemoPlace.Street),
        new("reviewer", "观摩评委 周立新", Role.Reviewer, DemoPlace.Street),
        new("officer", "城管科 韩卫东", Role.DepartmentOfficer, DemoPlace.Street),
        new("secretary", "和平社区 书记", Role.CommunitySecretary, DemoPlace.Community),
        new("staff", "和平社区 社工", Role.CommunityStaff, DemoPlace.Community),
        new("liaison", "共建单位 联络员", Role.PartnerLiaison, DemoPlace.Community),
        new("resident", "居民 王秀英", Role.Resident, DemoPlace.Community),
        new("merchant", "商家 便民超市", Role.Merchant, DemoPlace.Community),
        new("grid", "第一网格 支部书记", Role.GridLeader, DemoPlace.GridBranch),
        new("member", "党员 李建华", Role.Member, DemoPlace.GridBranch),
        new("compound", "阳光花园小区党支部 书记", Role.CompoundSecretary, DemoPlace.CompoundBranch),
        new("secretary2", "幸福社区 书记", Role.CommunitySecretary, DemoPlace.NeighbourCommunity),
        // The mediation team of the demo (社区法官, 社区调解员); listed here so that production refuses them with the demo password too.
        new("judge", "刘正义（东湖法庭）", Role.DepartmentOfficer, DemoPlace.Street),
        new("mediator", "陈淑芬", Role.Resident, DemoPlace.Community),
    ];

    public static async Task<GeneratedDistrict> SeedAsync(IServiceProvider sp, DistrictSize? size = null)
    {
        var g = DistrictGenerator.Generate(size ?? DistrictSize.Demo);
        var tenant = g.District.TenantId;
        sp.GetRequiredService<OrgScope>().AsSystem(tenant, suppressAudit: true);
        var db = sp.GetRequiredService<LianxinDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Tenancy.Register(db, tenant, g.District.Name, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        db.OrgUnits.AddRange(g.Units);
        var pd = sp.GetRequiredService<PersonalData>();
        foreach (var p in g.Positions) p.PhoneCipher = pd.Seal(g.PositionPhones[p.Id]).Cipher;
        db.OrgPositions.AddRange(g.Positions);
        db.Grids.AddRange(g.Grids);
        db.Compounds.AddRange(g.Compounds);
        foreach (var b in g.Buildings) b.LeaderPhoneCipher = g.LeaderPhones.TryGetValue(b.Id, out var phone) ? pd.Seal(phone).Cipher : null;
        db.Buildings.AddRange(g.Buildings);
        db.Households.AddRange(g.Households);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var a in Accounts)
        {
            var unit = Place(g, a.Place);
            var user = new AppUser { UserName = a.UserName, DisplayName = a.DisplayName, TenantId = tenant, CreatedAt = now };
            var result = await users.CreateAsync(user, DemoSetup.Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            db.RoleGrants.Add(new RoleGrant { TenantId = tenant, UserId = user.Id, Role = a.Role, OrgUnitId = unit.Id, OrgPath = unit.Path, GrantedAt = now });
        }
        await db.SaveChangesAsync();
        await Platform.Calendar.CalendarDemo.SeedAsync(db);
        await DemoMembers.SeedAsync(sp, g);
        await DemoDemands.SeedAsync(sp, g);
        await Modules.Demands.Open311.Open311Demo.SeedAsync(sp, Place(g, DemoPlace.Street).Id);
        await DemoServices.SeedAsync(sp, g);
        await DemoReviews.SeedAsync(sp, g);
        await DemoStarBuildings.SeedAsync(sp, g);
        await DemoCoBuilding.SeedAsync(sp, g);
        await DemoCoBuildingLoop.SeedAsync(sp, g);
        await DemoMobile.SeedAsync(sp, g);
        await DemoOrgLife.SeedAsync(sp, g);
        await DemoTraining.SeedAsync(sp, g);
        await DemoOrgLifeWork.SeedAsync(sp, g);
        await DemoVolunteering.SeedAsync(sp, g);
        await DemoPointsBank.SeedAsync(sp, g);
        await DemoDeliberation.SeedAsync(sp, g);
        await DemoTargetsVenues.SeedAsync(sp, g);
        await DemoPartyWork.SeedAsync(sp, g);
        await DemoShowcase.SeedAsync(sp, g);
        await DemoCampaigns.SeedAsync(sp, g);
        await DemoCommittees.SeedAsync(sp, g);
        return g;
    }

    public static OrgUnit Place(GeneratedDistrict g, DemoPlace place)
    {
        var street = g.Units.First(u => u.Kind == OrgKind.Street);
        var communities = g.Units.Where(u => u.Kind == OrgKind.Community && u.ParentId == street.Id).ToList();
        return place switch
        {
            DemoPlace.District => g.District,
            DemoPlace.Street => street,
            DemoPlace.Community => communities[0],
            DemoPlace.NeighbourCommunity => communities[1],
            DemoPlace.GridBranch => g.Units.First(u => u.ParentId == communities[0].Id && u.BranchKind == BranchKind.Grid),
            DemoPlace.CompoundBranch => g.Units.First(u => u.ParentId == communities[0].Id && u.BranchKind == BranchKind.Compound),
            _ => throw new ArgumentOutOfRangeException(nameof(place)),
        };
    }
}
