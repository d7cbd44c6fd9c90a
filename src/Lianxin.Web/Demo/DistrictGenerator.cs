using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Web.Demo;

/// <summary>How big a generated district is. <see cref="Demo"/> seeds the demo; S and L are the bench sizes.</summary>
public record DistrictSize(int Streets, int CommunitiesPerStreet, int GridsPerCommunity, int CompoundsPerGrid, int BuildingsPerCompound, int HouseholdsPerBuilding)
{
    public static readonly DistrictSize Demo = new(2, 6, 3, 2, 5, 12);
    public static readonly DistrictSize S = new(2, 5, 4, 2, 5, 10);
    public static readonly DistrictSize L = new(20, 15, 10, 2, 5, 10);

    public static DistrictSize Parse(string name) => name.ToUpperInvariant() switch
    {
        "S" => S,
        "L" => L,
        "DEMO" => Demo,
        _ => throw new ArgumentException($"未知规模 {name}（可选 S、L、Demo）"),
    };
}

/// <summary>Everything a generated district holds, ready to insert.</summary>
public class GeneratedDistrict
{
    public OrgUnit District { get; set; } = null!;
    public List<OrgUnit> Units { get; } = [];
    public List<OrgPosition> Positions { get; } = [];
    /// <summary>The officers' phones in clear, by position: the generator holds no key, so the demo seeder encrypts them (ADR 0030).</summary>
    public Dictionary<Guid, string> PositionPhones { get; } = [];
    /// <summary>The free-text 楼栋长's phones in clear, by building, sealed by the demo seeder like <see cref="PositionPhones"/>.</summary>
    public Dictionary<Guid, string> LeaderPhones { get; } = [];
    public List<Grid> Grids { get; } = [];
    public List<Compound> Compounds { get; } = [];
    public List<Building> Buildings { get; } = [];
    public List<Household> Households { get; } = [];
}

/// <summary>
/// A fictional district with natural Chinese names, the same every time for the same size and seed:
/// the demo, the tests and the bench all stand on it. No real people: names are drawn from common
/// surnames and given names, phones from a reserved-looking range.
/// </summary>
public static class DistrictGenerator
{
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"];
    static readonly string[] Given = ["建国", "秀英", "丽华", "志强", "海燕", "明", "静", "伟", "芳", "军", "敏", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "超", "霞", "平", "刚", "桂英", "玉兰", "淑珍", "建华", "红梅", "晓东", "春生", "文博", "雨萱", "子涵", "国庆", "卫东", "立新", "慧敏"];
    static readonly string[] StreetNames = ["东湖", "西岭", "南关", "北辰", "文昌", "清河", "凤鸣", "龙泉", "金水", "桂园", "柳营", "石桥", "双塔", "杏坛", "梅溪", "松林", "枫桥", "竹园", "兰亭", "荷塘"];
    static readonly string[] CommunityNames = ["和平", "幸福", "光明", "丰收", "建设", "胜利", "团结", "红旗", "新华", "滨河", "桃源", "锦绣", "朝阳", "育才", "长青", "友谊", "振兴", "春晖", "康乐", "安居"];
    static readonly string[] CompoundNames = ["阳光花园", "金色家园", "翠湖苑", "幸福里", "文化路小区", "纺织厂宿舍", "丽景苑", "书香门第", "康宁小区", "和园", "银杏小区", "春晓苑", "怡景园", "枫林绿洲", "电力宿舍", "粮站家属院", "东方名苑", "锦华里", "绿荫小区", "紫荆花园"];
    static readonly string[] Ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

    public static GeneratedDistrict Generate(DistrictSize size, int seed = 2026)
    {
        var rnd = new Random(seed);
        var g = new GeneratedDistrict();
        var districtId = Guid.CreateVersion7();
        var tenant = districtId;
        var district = Unit(null, districtId, tenant, OrgKind.District, BranchKind.None, "中共青禾区委员会", "青禾区委", "QH", 0);
        g.District = district;
        g.Units.Add(district);
        Officers(g, rnd, district, ["书记", "副书记", "组织部长"]);

        for (var s = 0; s < size.Streets; s++)
        {
            var sName = StreetNames[s % StreetNames.Length] + (s >= StreetNames.Length ? (s / StreetNames.Length + 1).ToString() : "");
            var street = Unit(district, null, tenant, OrgKind.Street, BranchKind.None, $"中共{sName}街道工作委员会", $"{sName}街道党工委", $"QH{s + 1:00}", s);
            g.Units.Add(street);
            Officers(g, rnd, street, ["书记", "副书记", "组织委员"]);
            var agency = Unit(street, null, tenant, OrgKind.Branch, BranchKind.Agency, $"{sName}街道机关党支部", $"{sName}机关支部", $"{street.Code}-JG", 99);
            g.Units.Add(agency);
            Officers(g, rnd, agency, ["书记"]);

            for (var c = 0; c < size.CommunitiesPerStreet; c++)
            {
                var index = s * size.CommunitiesPerStreet + c;
                var cBase = CommunityNames[index % CommunityNames.Length] + (index >= CommunityNames.Length ? (index / CommunityNames.Length + 1).ToString() : "");
                // A village-converted community and an old-compound one in every street, commercial housing for the rest.
                var profile = c % 3 == 2 ? CompoundType.VillageConverted : c % 3 == 1 ? CompoundType.OldCompound : CompoundType.Commercial;
                var community = Unit(street, null, tenant, OrgKind.Community, BranchKind.None, $"中共{cBase}社区委员会", $"{cBase}社区党委", $"{street.Code}{c + 1:00}", c);
                community.Address = $"青禾区{sName}街道{cBase}路{rnd.Next(1, 300)}号";
                community.Contact = $"0571-8{rnd.Next(1000000, 9999999)}";
                g.Units.Add(community);
                Officers(g, rnd, community, ["书记", "副书记", "组织委员", "宣传委员", "纪检委员"]);
                if (c % 2 == 0)
                {
                    var firm = Unit(community, null, tenant, OrgKind.Branch, c % 4 == 0 ? BranchKind.Enterprise : BranchKind.SocialOrganization,
                        c % 4 == 0 ? $"{cBase}物业服务有限公司党支部" : $"{cBase}邻里互助会党支部", c % 4 == 0 ? $"{cBase}物业党支部" : $"{cBase}互助会党支部", $"{community.Code}-F", 90);
                    g.Units.Add(firm);
                    Officers(g, rnd, firm, ["书记"]);
                }

                for (var gi = 0; gi < size.GridsPerCommunity; gi++)
                {
                    var ord = Ordinals[gi % Ordinals.Length];
                    var grid = new Grid { TenantId = tenant, CommunityId = community.Id, Name = $"{cBase}社区第{ord}网格", Code = $"{community.Code}-G{gi + 1:00}", GridWorker = Person(rnd) };
                    // Most grids have their branch; the last grid of some communities has none yet (coverage below 100%).
                    OrgUnit? gridBranch = null;
                    if (!(gi == size.GridsPerCommunity - 1 && c % 3 == 1))
                    {
                        gridBranch = Unit(community, null, tenant, OrgKind.Branch, BranchKind.Grid, $"{cBase}社区第{ord}网格党支部", $"第{ord}网格党支部", $"{grid.Code}-B", gi);
                        g.Units.Add(gridBranch);
                        Officers(g, rnd, gridBranch, ["书记", "委员"]);
                        var group = Unit(gridBranch, null, tenant, OrgKind.Group, BranchKind.None, $"第{ord}网格第一党小组", "第一党小组", $"{gridBranch.Code}-1", 0);
                        g.Units.Add(group);
                        Officers(g, rnd, group, ["党小组长"]);
                        grid.BranchId = gridBranch.Id;
                    }
                    grid.OrgPath = (gridBranch ?? community).Path;
                    g.Grids.Add(grid);

                    for (var k = 0; k < size.CompoundsPerGrid; k++)
                    {
                        var n = index * size.GridsPerCommunity * size.CompoundsPerGrid + gi * size.CompoundsPerGrid + k;
                        var type = k == 1 && profile == CompoundType.Commercial ? CompoundType.UnitCompound : profile;
                        var cName = CompoundNames[n % CompoundNames.Length] + (n >= CompoundNames.Length ? $"{n / CompoundNames.Length + 1}期" : "");
                        var compound = new Compound
                        {
                            TenantId = tenant, CommunityId = community.Id, GridId = grid.Id, Name = cName, Type = type,
                            Address = $"{cBase}路{rnd.Next(1, 500)}号",
                        };
                        // Large commercial compounds have been split out into their own branch ("拆—转—建", source 002).
                        OrgUnit owner = gridBranch ?? community;
                        if (type == CompoundType.Commercial && gridBranch is not null && k == 0)
                        {
                            var cb = Unit(community, null, tenant, OrgKind.Branch, BranchKind.Compound, $"{cName}小区党支部", $"{cName}支部", $"{grid.Code}-C{k + 1}", 50 + gi);
                            g.Units.Add(cb);
                            Officers(g, rnd, cb, ["书记"]);
                            compound.BranchId = cb.Id;
                            owner = cb;
                        }
                        compound.OrgPath = owner.Path;
                        g.Compounds.Add(compound);

                        for (var b = 0; b < size.BuildingsPerCompound; b++)
                        {
                            var floors = type == CompoundType.Commercial ? rnd.Next(6, 19) : rnd.Next(3, 7);
                            var building = new Building
                            {
                                TenantId = tenant, CompoundId = compound.Id, GridId = grid.Id, OrgPath = owner.Path,
                                Name = $"{b + 1}号楼", Floors = floors,
                                LeaderName = rnd.NextDouble() < 0.8 ? Person(rnd) : null,
                            };
                            if (building.LeaderName is not null) g.LeaderPhones[building.Id] = Phone(rnd);
                            g.Buildings.Add(building);
                            for (var h = 0; h < size.HouseholdsPerBuilding; h++)
                            {
                                var unitNo = h % 2 + 1;
                                var floor = h / 4 + 1;
                                g.Households.Add(new Household
                                {
                                    TenantId = tenant, BuildingId = building.Id, OrgPath = owner.Path,
                                    Unit = $"{unitNo}单元", Room = $"{floor}0{h % 2 + 1 + (h / 2 % 2) * 2}", Residents = rnd.Next(1, 6),
                                });
                            }
                        }
                    }
                }
            }
        }
        return g;
    }

    static OrgUnit Unit(OrgUnit? parent, Guid? id, Guid tenant, OrgKind kind, BranchKind branchKind, string name, string shortName, string code, int order)
    {
        var unitId = id ?? Guid.CreateVersion7();
        return new OrgUnit
        {
            Id = unitId, TenantId = tenant, ParentId = parent?.Id, Path = OrgUnit.PathOf(parent?.Path, unitId), Depth = (parent?.Depth ?? -1) + 1,
            Kind = kind, BranchKind = branchKind, Name = name, ShortName = shortName, Code = code, SortOrder = order,
        };
    }

    static void Officers(GeneratedDistrict g, Random rnd, OrgUnit unit, string[] titles)
    {
        for (var i = 0; i < titles.Length; i++)
        {
            var position = new OrgPosition { TenantId = unit.TenantId, OrgUnitId = unit.Id, OrgPath = unit.Path, Title = titles[i], PersonName = Person(rnd) };
            g.PositionPhones[position.Id] = Phone(rnd);
            position.StartedOn = new DateOnly(2021 + rnd.Next(0, 4), rnd.Next(1, 13), 1);
            position.SortOrder = i;
            g.Positions.Add(position);
        }
    }

    public static string Person(Random rnd) => Surnames[rnd.Next(Surnames.Length)] + Given[rnd.Next(Given.Length)];

    static string Phone(Random rnd) => $"1{rnd.Next(3, 9)}{rnd.Next(0, 10)}{rnd.Next(10000000, 99999999)}";
}
