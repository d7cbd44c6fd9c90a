using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>
/// A few hundred fictional members for the demo district: natural names, valid (checksummed) but invented ID
/// numbers, histories that start when they joined, some posts and a partner unit in 和平社区. The demo account
/// "member" (李建华) holds his membership in the street agency branch and lives in 和平社区: the 双报到 case.
/// </summary>
public static class DemoMembers
{
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程"];
    static readonly string[] MaleGiven = ["建国", "志强", "明", "伟", "军", "磊", "勇", "涛", "超", "刚", "建华", "晓东", "春生", "文博", "国庆", "卫东", "立新", "海涛", "宏伟", "子豪"];
    static readonly string[] FemaleGiven = ["秀英", "丽华", "海燕", "静", "芳", "敏", "艳", "娟", "霞", "桂英", "玉兰", "淑珍", "红梅", "慧敏", "雨萱", "子涵", "晓燕", "丽娟", "雪梅", "佳怡"];
    static readonly string[] Educations = ["初中", "高中", "中专", "大专", "大学本科", "大学本科", "硕士研究生"];
    static readonly string[] Workplaces = ["青禾区教育局", "青禾区人民医院", "青禾区税务局", "东湖街道办事处", "青禾供电公司", "青禾区第一中学", "青禾区市场监管局"];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g, int perBranch = 8)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var pd = sp.GetRequiredService<PersonalData>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var rnd = new Random(2027);
        var tenant = g.District.TenantId;
        var seq = 0;
        var members = new List<Member>();
        var transfers = new List<MemberTransfer>();
        var statuses = new List<MemberStatusChange>();

        Member Add(OrgUnit branch, Compound? home, string? forcedName = null, Gender? forcedGender = null, DateOnly? forcedBirth = null)
        {
            var gender = forcedGender ?? (rnd.Next(2) == 0 ? Gender.Male : Gender.Female);
            var name = forcedName ?? Surnames[rnd.Next(Surnames.Length)] + (gender == Gender.Male ? MaleGiven : FemaleGiven)[rnd.Next(20)];
            var birth = forcedBirth ?? new DateOnly(rnd.Next(1942, 2003), rnd.Next(1, 13), rnd.Next(1, 29));
            // Fictional numbers: region 330199 ("其他") and a running sequence; the check digit is real.
            var s = ++seq * 2 + (gender == Gender.Male ? 1 : 0);
            var id = CitizenId.Make("330199", birth, s % 1000);
            var joined = birth.AddYears(rnd.Next(18, 40)).AddDays(rnd.Next(0, 300));
            if (joined > today.AddMonths(-2)) joined = today.AddMonths(-rnd.Next(2, 11));
            var probationary = joined > today.AddYears(-1);
            var age = today.Year - birth.Year;
            // Drawn in the order they always were, so the demo district stays the same.
            var ethnicity = rnd.Next(12) == 0 ? "回族" : "汉族";
            var phone = "13" + rnd.Next(0, 10) + rnd.Next(10000000, 99999999);
            var m = new Member
            {
                TenantId = tenant, Name = name, Gender = gender, Ethnicity = ethnicity, BirthDate = birth,
                IdNumberCipher = pd.Encrypt(id), IdNumberHash = pd.Hash(id), PhoneCipher = pd.Encrypt(phone), PhoneHash = pd.Hash(phone),
                Education = Educations[rnd.Next(Educations.Length)], JoinedOn = joined, FullMemberOn = probationary ? null : joined.AddYears(1),
                Category = probationary ? MemberCategory.Probationary : MemberCategory.Full, Status = MemberStatus.Normal, StatusSince = joined,
                BranchId = branch.Id, OrgPath = branch.Path, CreatedAt = now,
                Employment = age >= 60 ? Employment.Retired : rnd.Next(10) == 0 ? Employment.Floating : Employment.InService,
            };
            if (m.Employment == Employment.Floating) m.FloatingTo = "浙江省宁波市";
            if (m.Employment == Employment.InService) m.Workplace = Workplaces[rnd.Next(Workplaces.Length)];
            if (home is not null)
            {
                m.CompoundId = home.Id;
                m.ResidenceCommunityId = home.CommunityId;
                var building = g.Buildings.Where(b => b.CompoundId == home.Id).ElementAt(rnd.Next(g.Buildings.Count(b => b.CompoundId == home.Id)));
                m.BuildingId = building.Id;
                var households = g.Households.Where(h => h.BuildingId == building.Id).ToList();
                m.HouseholdId = households[rnd.Next(households.Count)].Id;
            }
            members.Add(m);
            transfers.Add(new MemberTransfer { TenantId = tenant, MemberId = m.Id, OrgPath = branch.Path, Kind = TransferKind.Joined, ToBranchId = branch.Id, ToPath = branch.Path, On = joined, Reason = "入党", RecordedAt = now, RecordedBy = "system" });
            statuses.Add(new MemberStatusChange { TenantId = tenant, MemberId = m.Id, OrgPath = branch.Path, To = MemberStatus.Normal, On = joined, Reason = "入党", RecordedAt = now, RecordedBy = "system" });
            return m;
        }

        var streets = g.Units.Where(u => u.Kind == OrgKind.Street).ToList();
        foreach (var branch in g.Units.Where(u => u.Kind == OrgKind.Branch && u.BranchKind != BranchKind.Agency))
        {
            var community = g.Units.First(u => branch.Path.StartsWith(u.Path) && u.Kind == OrgKind.Community);
            var homes = g.Compounds.Where(c => c.CommunityId == community.Id).ToList();
            var n = branch.BranchKind == BranchKind.Grid ? perBranch : perBranch / 2;
            for (var i = 0; i < n; i++) Add(branch, homes[rnd.Next(homes.Count)]);
        }
        // Workplace members of the agency branches, living in the street's communities: who should 双报到.
        foreach (var street in streets)
        {
            var agency = g.Units.First(u => u.ParentId == street.Id && u.BranchKind == BranchKind.Agency);
            var homes = g.Compounds.Where(c => g.Units.Any(u => u.Id == c.CommunityId && u.ParentId == street.Id)).ToList();
            for (var i = 0; i < perBranch * 3; i++)
            {
                var m = Add(agency, homes[rnd.Next(homes.Count)]);
                m.Employment = Employment.InService;
                m.Workplace = $"{street.ShortName.Replace("党工委", "")}办事处";
                m.FloatingTo = null;
            }
        }

        var heping = DemoDistrict.Place(g, DemoPlace.Community);
        var hepingHomes = g.Compounds.Where(c => c.CommunityId == heping.Id).ToList();
        var streetAgency = g.Units.First(u => u.ParentId == heping.ParentId && u.BranchKind == BranchKind.Agency);
        var memberUser = await db.Users.FirstAsync(u => u.UserName == "member");
        var lee = Add(streetAgency, hepingHomes[0], "李建华", Gender.Male, new DateOnly(1982, 5, 16));
        lee.UserId = memberUser.Id;
        lee.Employment = Employment.InService;
        lee.Workplace = "东湖街道办事处";
        lee.Category = MemberCategory.Full;
        lee.FullMemberOn ??= lee.JoinedOn.AddYears(1);
        if (lee.FullMemberOn > today) { lee.JoinedOn = today.AddYears(-3); lee.FullMemberOn = today.AddYears(-2); }

        // One member moved between grid branches two years ago, one passed away: the histories show it.
        var gridBranches = g.Units.Where(u => u.ParentId == heping.Id && u.BranchKind == BranchKind.Grid).ToList();
        var mover = members.First(m => m.BranchId == gridBranches[0].Id && m.JoinedOn < today.AddYears(-3));
        transfers.Add(new MemberTransfer { TenantId = tenant, MemberId = mover.Id, OrgPath = gridBranches[1].Path, Kind = TransferKind.Internal, FromBranchId = mover.BranchId, FromPath = mover.OrgPath, ToBranchId = gridBranches[1].Id, ToPath = gridBranches[1].Path, On = today.AddYears(-2), Reason = "搬迁至第二网格", RecordedAt = now, RecordedBy = "system" });
        mover.BranchId = gridBranches[1].Id;
        mover.OrgPath = gridBranches[1].Path;
        var late = members.First(m => m.BranchId == gridBranches[1].Id && m.BirthDate.Year < 1950 && m != mover);
        statuses.Add(new MemberStatusChange { TenantId = tenant, MemberId = late.Id, OrgPath = late.OrgPath, From = MemberStatus.Normal, To = MemberStatus.Deceased, On = today.AddMonths(-5), Reason = "病故", RecordedAt = now, RecordedBy = "system" });
        late.Status = MemberStatus.Deceased;
        late.StatusSince = today.AddMonths(-5);

        // The first grid branch's secretary and group leader are members of it: their card shows their duties.
        var secretaryName = g.Positions.First(p => p.OrgUnitId == gridBranches[0].Id && p.Title == "书记").PersonName;
        var group = g.Units.First(u => u.ParentId == gridBranches[0].Id && u.Kind == OrgKind.Group);
        var leaderName = g.Positions.First(p => p.OrgUnitId == group.Id && p.Title == "党小组长").PersonName;
        var own = members.Where(m => m.BranchId == gridBranches[0].Id && m != mover && m != late).Take(2).ToList();
        if (own.Count == 2) { own[0].Name = secretaryName; own[1].Name = leaderName; }
        db.Members.AddRange(members);
        db.MemberTransfers.AddRange(transfers);
        db.MemberStatusChanges.AddRange(statuses);

        // Posts of 和平社区 and a partner unit that reported.
        var grid1 = g.Grids.First(x => x.CommunityId == heping.Id);
        db.Posts.AddRange(
            new Post { TenantId = tenant, OrgUnitId = heping.Id, OrgPath = heping.Path, Kind = PostKind.Vanguard, Title = "党员先锋岗·邻里调解", Duties = "每周参与一次邻里纠纷调解，协助社区化解矛盾", Capacity = 3, CreatedAt = now },
            new Post { TenantId = tenant, OrgUnitId = heping.Id, OrgPath = heping.Path, Kind = PostKind.Volunteer, Title = "志愿岗·垃圾分类督导", Duties = "早晚高峰在投放点督导垃圾分类", Capacity = 5, CompoundId = hepingHomes[0].Id, CreatedAt = now },
            new Post { TenantId = tenant, OrgUnitId = heping.Id, OrgPath = heping.Path, Kind = PostKind.RoadChief, Title = "路长·和平路", Duties = "巡查和平路市容秩序，发现问题及时上报", Capacity = 1, Place = "和平路（文化路至滨河路段）", GridId = grid1.Id, CreatedAt = now });
        db.DualReports.Add(new DualReport { TenantId = tenant, Kind = ReporterKind.Unit, Name = "青禾区人民医院党委", CommunityId = heping.Id, OrgPath = heping.Path, ReportedOn = today.AddMonths(-3), Liaison = "周文静", LiaisonPhoneCipher = pd.Seal("0571-86001234").Cipher, Offers = "每月一次义诊，健康讲座", Status = DualReportStatus.Active });

        // A responsibility zone and an approved central household looking after ten households of the first grid.
        var keeper = members.FirstOrDefault(m => m.ResidenceCommunityId == heping.Id && m.BranchId == gridBranches[0].Id && m.Status == MemberStatus.Normal && m.Employment == Employment.Retired)
            ?? members.First(m => m.ResidenceCommunityId == heping.Id && m.Status == MemberStatus.Normal && m != lee);
        var zone = new ResponsibilityZone { TenantId = tenant, CommunityId = heping.Id, OrgPath = heping.Path, Name = $"{hepingHomes[0].Name}1—3号楼党员责任区", Area = $"{hepingHomes[0].Name}1号楼、2号楼、3号楼", CompoundId = hepingHomes[0].Id };
        db.ResponsibilityZones.Add(zone);
        db.ZoneMembers.Add(new ZoneMember { TenantId = tenant, ZoneId = zone.Id, MemberId = keeper.Id, MemberName = keeper.Name, OrgPath = heping.Path, Role = "责任人" });
        var central = new CentralHousehold
        {
            TenantId = tenant, MemberId = keeper.Id, MemberName = keeper.Name, CommunityId = heping.Id, GridId = grid1.Id, OrgPath = grid1.OrgPath,
            SelfNominated = true, LegacyRecommenders = 15, Status = CentralHouseholdStatus.Approved, NominatedOn = today.AddMonths(-8), ApprovedOn = today.AddMonths(-7),
        };
        db.CentralHouseholds.Add(central);
        var near = g.Households.Where(h => g.Buildings.Any(b => b.Id == h.BuildingId && b.GridId == grid1.Id)).Take(10);
        foreach (var h in near) db.CentralHouseholdLinks.Add(new CentralHouseholdLink { TenantId = tenant, CentralHouseholdId = central.Id, HouseholdId = h.Id, OrgPath = h.OrgPath });

        // 后三级网格 with filled and missing links: in the first grid members living in a building lead it, except its last building
        // (no 楼栋长); the other grids keep the generator's free-text names (未关联). The second grid has a nominee that two
        // households recommended but no central household yet.
        var grid1Buildings = g.Buildings.Where(b => b.GridId == grid1.Id).ToList();
        var ledIds = new List<Guid>();
        foreach (var b in grid1Buildings)
        {
            var resident = b == grid1Buildings[^1] ? null : members.FirstOrDefault(m => m.BuildingId == b.Id && m.Status == MemberStatus.Normal && m.ResidenceCommunityId == heping.Id);
            var row = await db.Set<Building>().AcrossScope().FirstAsync(x => x.Id == b.Id);
            (row.LeaderMemberId, row.LeaderName, row.LeaderPhoneCipher) = (resident?.Id, resident?.Name, null);
            if (resident is null) continue;
            db.BuildingLeaders.Add(new BuildingLeader
            {
                TenantId = tenant, BuildingId = b.Id, CompoundId = b.CompoundId, CommunityId = heping.Id, OrgPath = b.OrgPath,
                MemberId = resident.Id, MemberName = resident.Name, StartedOn = today.AddMonths(-6), Version = 1,
            });
        }
        var grid2 = g.Grids.Where(x => x.CommunityId == heping.Id).OrderBy(x => x.Code).Skip(1).FirstOrDefault();
        var nominee = grid2 is null ? null : members.FirstOrDefault(m => m.ResidenceCommunityId == heping.Id && m.Status == MemberStatus.Normal && m != keeper && m != lee
            && g.Buildings.Any(b => b.Id == m.BuildingId && b.GridId == grid2.Id));
        if (grid2 is not null && nominee is not null)
        {
            var nominated = new CentralHousehold
            {
                TenantId = tenant, MemberId = nominee.Id, MemberName = nominee.Name, CommunityId = heping.Id, GridId = grid2.Id, OrgPath = grid2.OrgPath,
                Status = CentralHouseholdStatus.Nominated, NominatedOn = today.AddDays(-10),
            };
            db.CentralHouseholds.Add(nominated);
            var homes = g.Households.Where(h => g.Buildings.Any(b => b.Id == h.BuildingId && b.GridId == grid2.Id)).Take(2).ToList();
            foreach (var (h, name) in homes.Zip(new[] { "冯秀兰", "周国庆" }))
            {
                var b = g.Buildings.First(x => x.Id == h.BuildingId);
                db.CentralHouseholdRecommendations.Add(new CentralHouseholdRecommendation
                {
                    TenantId = tenant, CentralHouseholdId = nominated.Id, CompoundId = b.CompoundId, HouseholdId = h.Id, HouseholdKey = CentralHouseholdRecommendation.KeyOf(h.Id, b.CompoundId, null),
                    Home = $"{b.Name} {h.Unit} {h.Room}".Trim(), RecommenderName = name, Source = RecommendationSource.Public, RecordedAt = now.AddDays(-3), OrgPath = grid2.OrgPath,
                });
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
