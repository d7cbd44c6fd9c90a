using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;

namespace Lianxin.Tests.Support;

/// <summary>
/// Test-data builders: the rows a test needs, valid by default, saved at once, so a test states only what matters to it
/// (<c>var branch = db.Unit(community, OrgKind.Branch, "测试支部");</c>). Use inside <c>app.WithDb</c> / <c>app.WithScope</c>.
/// </summary>
public static class Build
{
    static int next;
    static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref next):D4}{Guid.NewGuid().ToString("N")[..4]}";

    public static OrgUnit Unit(this LianxinDb db, OrgUnit parent, OrgKind kind, string name, BranchKind branchKind = BranchKind.None)
    {
        var id = Guid.CreateVersion7();
        var unit = new OrgUnit
        {
            Id = id, ParentId = parent.Id, Path = OrgUnit.PathOf(parent.Path, id), Depth = parent.Depth + 1, Kind = kind,
            BranchKind = kind == OrgKind.Branch && branchKind == BranchKind.None ? BranchKind.Grid : branchKind,
            Name = name, ShortName = name, Code = Unique("T"),
        };
        db.OrgUnits.Add(unit);
        db.SaveChanges();
        return unit;
    }

    /// <summary>A member on the roster of <paramref name="branch"/>, with a valid (encrypted, hashed) citizen ID number.</summary>
    public static Member Member(this LianxinDb db, PersonalData pd, OrgUnit branch, string name = "测试党员", MemberStatus status = MemberStatus.Normal)
    {
        var idNumber = Members.MemberRosterTests.NewId();
        var member = new Member
        {
            Name = name, Gender = Gender.Female, BirthDate = new DateOnly(1980, 1, 1), IdNumberCipher = pd.Encrypt(idNumber), IdNumberHash = pd.Hash(idNumber),
            JoinedOn = new DateOnly(2005, 7, 1), FullMemberOn = new DateOnly(2006, 7, 1), Status = status, StatusSince = new DateOnly(2005, 7, 1),
            BranchId = branch.Id, OrgPath = branch.Path, CreatedAt = DateTime.UtcNow,
        };
        db.Members.Add(member);
        db.SaveChanges();
        return member;
    }

    /// <summary>A demand filed at <paramref name="community"/> in the first category of its street, handled by the community.</summary>
    public static Demand Demand(this LianxinDb db, OrgUnit community, DemandState state = DemandState.Submitted, string description = "测试诉求：楼道灯不亮")
    {
        var category = db.DemandCategories.AcrossScope().Where(c => c.StreetId == community.ParentId).OrderBy(c => c.Name).First();
        var now = DateTime.UtcNow;
        var demand = new Demand
        {
            TicketNo = Unique("SQT"), CategoryId = category.Id, CategoryName = category.Name, Description = description,
            StreetId = community.ParentId!.Value, CommunityId = community.Id, ContactName = "测试居民", PhoneTail = "0000",
            OrgPath = community.Path, Level = DemandLevel.Community, HandlerUnitId = community.Id, HandlerPath = community.Path,
            State = state, CreatedAt = now, LevelSince = now, ResolveDueAt = now.AddDays(5),
        };
        db.Demands.Add(demand);
        db.SaveChanges();
        return demand;
    }

    /// <summary>A partner unit stationed in <paramref name="station"/> (a street or community), maintained by <paramref name="liaisonUserId"/> when given.</summary>
    public static PartnerUnit PartnerUnit(this LianxinDb db, OrgUnit station, string name = "测试共建单位", Guid? liaisonUserId = null,
        PartnerKind kind = PartnerKind.StateEnterprise)
    {
        var unit = new PartnerUnit
        {
            StationedUnitId = station.Id, OrgPath = station.Path, Name = Unique(name), Kind = kind, Address = "测试路 1 号",
            PartyOrgName = "中共测试单位支部委员会", PartySecretary = "测试书记", PartyMemberCount = 5, ContactName = "测试联系人", ContactPhone = "13900000000",
            LiaisonUserId = liaisonUserId, CreatedAt = DateTime.UtcNow,
        };
        db.PartnerUnits.Add(unit);
        db.SaveChanges();
        return unit;
    }
}
