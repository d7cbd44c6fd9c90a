using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Demo;

/// <summary>
/// 共驻共建 in 东湖街道: nineteen partner units stationed in the street and in 和平社区 (the demo account "liaison" maintains
/// 青禾供电公司东湖供电所), eight of them seated on 东湖街道大工委, all through the module's own use cases; then the shopping-street
/// alliance and the committee's meetings (<see cref="DemoCoBuildingAlliances"/>).
/// </summary>
public static class DemoCoBuilding
{
    record Partner(string Name, PartnerKind Kind, bool AtStreet, string Address, string? PartyOrg, string? Secretary, int Members,
        string Contact, string Phone, string? Instructor, string? Seat, string? Post);

    static readonly Partner[] Partners =
    [
        new("青禾区税务局东湖税务所", PartnerKind.Agency, true, "东湖路 88 号", "中共青禾区税务局东湖税务所支部委员会", "陈立平", 14, "陈立平", "0571-8861-2201", "刘海燕", "陈立平", "兼职委员"),
        new("青禾区人民医院东湖分院", PartnerKind.PublicInstitution, true, "湖滨南路 12 号", "中共青禾区人民医院东湖分院总支部委员会", "杨晓梅", 46, "周建国", "0571-8862-3310", "刘海燕", "杨晓梅", "兼职委员"),
        new("青禾供电公司东湖供电所", PartnerKind.StateEnterprise, false, "和平路 56 号", "中共青禾供电公司东湖供电所支部委员会", "王志强", 23, "赵磊", "13805710023", "张文静", "王志强", "兼职副书记"),
        new("青禾区第一中学", PartnerKind.PublicInstitution, false, "和平路 101 号", "中共青禾区第一中学委员会", "孙丽华", 68, "何志明", "0571-8863-1021", "张文静", "孙丽华", "兼职委员"),
        new("东湖农商银行和平支行", PartnerKind.StateEnterprise, false, "和平路 23 号", "中共东湖农商银行和平支行支部委员会", "钱建军", 9, "林芳", "0571-8864-5566", "张文静", "钱建军", "兼职委员"),
        new("绿城物业和平里项目部", PartnerKind.PropertyCompany, false, "和平里小区 3 幢底商", "中共绿城物业和平里项目部支部委员会", "吴国华", 5, "吴国华", "13905716688", "张文静", "吴国华", "兼职委员"),
        new("青禾数码科技有限公司", PartnerKind.PrivateEnterprise, false, "和平路 200 号创业大厦 6 楼", "中共青禾数码科技有限公司支部委员会", "郑晓东", 7, "许静", "13757120088", "张文静", "郑晓东", "兼职委员"),
        new("和平社区志愿者协会", PartnerKind.SocialOrganization, false, "和平社区党群服务中心二楼", "中共和平社区志愿者协会功能型党支部", "冯秀兰", 11, "冯秀兰", "13605718899", "张文静", "冯秀兰", "兼职委员"),
        new("东湖街道妇女联合会", PartnerKind.MassOrganization, true, "东湖路 90 号", null, null, 0, "黄美玲", "0571-8861-2290", null, null, null),
        new("老王便民超市", PartnerKind.PartyMerchant, false, "和平路 35 号", null, null, 1, "王德胜", "13588001234", "张文静", null, null),
        // 和平路商业街: the units of its 党建联盟 (DemoCoBuildingAlliances).
        new("和平路商业街商会", PartnerKind.SocialOrganization, false, "和平路 66 号二楼", "中共和平路商业街商会支部委员会", "蒋红梅", 6, "蒋红梅", "13857100066", "张文静", null, null),
        new("东湖万象汇商业管理有限公司", PartnerKind.PrivateEnterprise, false, "和平路 120 号", "中共东湖万象汇商业管理有限公司支部委员会", "韩志刚", 9, "邱雯", "0571-8865-1200", "张文静", null, null),
        new("和平路美食街物业服务中心", PartnerKind.PropertyCompany, false, "和平路 80 号", "中共和平路美食街物业服务中心支部委员会", "罗建新", 4, "罗建新", "13605710080", "张文静", null, null),
        new("新华书店和平路店", PartnerKind.StateEnterprise, false, "和平路 47 号", "中共新华书店和平路店支部委员会", "曹丽", 5, "曹丽", "0571-8865-0047", "张文静", null, null),
        new("惠民大药房和平店", PartnerKind.PrivateEnterprise, false, "和平路 52 号", null, null, 2, "彭晓燕", "13758100052", "张文静", null, null),
        new("和平路社工服务站", PartnerKind.SocialOrganization, false, "和平路 66 号一楼", "中共和平路社工服务站功能型党支部", "田静", 3, "田静", "13906570066", "张文静", null, null),
        new("张记手工面馆", PartnerKind.PartyMerchant, false, "和平路 29 号", null, null, 1, "张德明", "13516800029", "张文静", null, null),
        new("李姐裁缝铺", PartnerKind.PartyMerchant, false, "和平路 31 号", null, null, 1, "李秀英", "13516800031", "张文静", null, null),
        new("刘师傅家电维修部", PartnerKind.PartyMerchant, false, "和平路 33 号", null, null, 1, "刘国庆", "13516800033", "张文静", null, null),
    ];

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var ct = CancellationToken.None;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var termFrom = new DateOnly(clock.Today().Year - 1, 3, 1);
        foreach (var p in Partners)
        {
            var saved = await CreatePartnerUnit.HandleAsync(db, org, clock, new PartnerUnitInput
            {
                StationedUnitId = p.AtStreet ? street.Id : community.Id, Name = p.Name, Kind = p.Kind, Address = p.Address, PartyOrgName = p.PartyOrg,
                PartySecretary = p.Secretary, PartyMemberCount = p.Members, ContactName = p.Contact, ContactPhone = p.Phone, Instructor = p.Instructor,
                LiaisonUserName = p.Name == "青禾供电公司东湖供电所" ? "liaison" : null,
            }, ct);
            if (!saved.IsOk) throw new InvalidOperationException($"演示共建单位 {p.Name}：{saved.Message ?? string.Join("；", saved.Errors!.SelectMany(e => e.Value))}");
            if (p.Seat is null) continue;
            var seat = await AddSeat.HandleAsync(db, org, street.Id, new AddSeatRequest
            {
                PartnerUnitId = saved.Value!.Id, PersonName = p.Seat, Post = p.Post!, TermFrom = termFrom, TermTo = null,
            }, ct);
            if (!seat.IsOk) throw new InvalidOperationException($"演示大工委席位 {p.Seat}：{seat.Message}");
        }
        await DemoCoBuildingAlliances.SeedAsync(sp, g);
    }
}
