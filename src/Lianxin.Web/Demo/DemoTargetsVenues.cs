using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Modules.Targets.Features;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Modules.Venues.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Demo;

/// <summary>
/// 东湖街道's key targets for the year (小区党支部应建尽建 read from the org tree, 双报到率 from the roster, 红色议事 reported by
/// the communities) and the 阵地 of 和平社区 with their rooms and a few bookings, all through the modules' own use cases.
/// </summary>
public static class DemoTargetsVenues
{
    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var catalog = sp.GetRequiredService<IndicatorCatalog>();
        var ct = CancellationToken.None;
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var community = DemoDistrict.Place(g, DemoPlace.Community);
        var today = clock.Today();
        var yearStart = new DateOnly(today.Year, 1, 1);

        Check(await SetTarget.HandleAsync(db, org, catalog, clock, new SetTargetRequest
        {
            SetByUnitId = street.Id, Title = "小区党支部应建尽建", Description = "符合条件的小区单独建立党支部，年内覆盖率不低于 60%。",
            IndicatorCode = "org.compound_branches", QuotaKind = QuotaKind.ShareOfBase, Quota = 60, BaseIndicatorCode = "org.compounds",
            StartOn = yearStart, DueOn = new DateOnly(today.Year, 12, 31),
        }, ct), "小区党支部应建尽建");
        Check(await SetTarget.HandleAsync(db, org, catalog, clock, new SetTargetRequest
        {
            SetByUnitId = street.Id, Title = "在职党员双报到全覆盖", Description = "居住在社区的在职党员向社区报到，报到率达到 90%。",
            IndicatorCode = "members.dual_report_rate", QuotaKind = QuotaKind.Number, Quota = 90, StartOn = yearStart, DueOn = today.AddDays(45),
        }, ct), "在职党员双报到");
        var deliberation = await SetTarget.HandleAsync(db, org, catalog, clock, new SetTargetRequest
        {
            SetByUnitId = street.Id, Title = "召开红色议事会协商议题", Description = "每个社区至少召开 3 次红色议事会，协商解决小区治理难题。",
            ManualUnit = "次", QuotaKind = QuotaKind.Number, Quota = 3, StartOn = yearStart, DueOn = today.AddDays(-5),
        }, ct);
        Check(deliberation, "红色议事会");
        // 和平社区 has held its three meetings; the others are late (the street's page shows them in red).
        var part = Check(await TargetBoards.BoardAsync(db, catalog, clock, deliberation.Value!.Id, ct), "议事会").Rows.First(r => r.CommunityId == community.Id);
        Check(await ReportProgress.HandleAsync(db, clock, part.AssignmentId, new ReportProgressRequest
        {
            Value = 3, Note = "分别就加装电梯、楼道堆物、停车位分配召开议事会，会议纪要及签到表存社区档案室。", Version = part.Version,
        }, ct), "议事会填报");

        var centre = await SaveVenue.HandleAsync(db, org, null, new VenueInput
        {
            OrgUnitId = community.Id, Name = "和平社区党群服务中心", Kind = VenueKind.PartyServiceCenter, State = VenueState.Open, Address = "和平路 68 号",
            AreaSqm = 860, OpensAt = new TimeOnly(8, 30), ClosesAt = new TimeOnly(21, 0), OpeningNote = "周一至周日 8:30–21:00，节假日照常开放",
            OpenedOn = new DateOnly(today.Year - 2, 7, 1),
            Functions = [VenueFunctions.PartyRoom, VenueFunctions.ServiceCenter, VenueFunctions.CultureCenter, VenueFunctions.TrainingCenter, VenueFunctions.VolunteerCenter],
        }, ct);
        Check(centre, "党群服务中心");
        var centreId = centre.Value!.Id;
        foreach (var (item, evidence) in new[]
                 {
                     (StandardItem.Space, "两层共 860 平方米，产权属社区"), (StandardItem.Sign, "门头及各功能室标识已按区委组织部样式统一制作"),
                     (StandardItem.Rules, "值班、预约、志愿服务等 8 项制度上墙"), (StandardItem.Equipment, "投影、音响、图书角、便民药箱齐全"),
                     (StandardItem.Staff, "社工 3 人轮值，志愿者 24 人排班"),
                 })
            Check(await VenueSetup.CheckAsync(db, org, clock, centreId, new CheckInput { Item = item, Evidence = evidence }, ct), "六有");
        var rooms = new List<Guid>();
        foreach (var (name, capacity) in new[] { ("党员活动室", 40), ("多功能会议室", 60), ("四点半课堂", 25) })
            rooms.Add(Check(await VenueSetup.AddRoomAsync(db, org, centreId, new RoomInput { Name = name, Capacity = capacity }, ct), name));
        var day = today.AddDays(1);
        foreach (var (room, start, end, by, purpose, n) in new[]
                 {
                     (rooms[0], 9, 11, "和平社区第一网格党支部", "主题党日：学习党的二十届四中全会精神", 28),
                     (rooms[1], 14, 16, "青禾供电公司东湖供电所", "安全用电进社区讲座", 45),
                     (rooms[2], 16, 18, "张秀英（居民）", "小学生课后托管志愿辅导", 18),
                 })
            Check(await BookRoom.HandleAsync(db, org, sp.GetRequiredService<PersonalData>(), clock, room, new BookRoomRequest
            {
                Day = day, Start = new TimeOnly(start, 0), End = new TimeOnly(end, 0), BookedBy = by, Purpose = purpose, Attendees = n,
            }, ct), purpose);

        Check(await SaveVenue.HandleAsync(db, org, null, new VenueInput
        {
            OrgUnitId = community.Id, Name = "和平里邻里中心", Kind = VenueKind.NeighbourhoodCenter, State = VenueState.Building, Address = "和平里小区 5 幢旁",
            AreaSqm = 320, Functions = [VenueFunctions.ServiceCenter, VenueFunctions.VolunteerCenter],
        }, ct), "邻里中心");
        Check(await SaveVenue.HandleAsync(db, org, null, new VenueInput
        {
            OrgUnitId = street.Id, Name = "东湖街道新时代文明实践所", Kind = VenueKind.CivilizationStation, State = VenueState.Planned, Address = "东湖路 90 号",
            AreaSqm = 1200, Functions = [VenueFunctions.TrainingCenter, VenueFunctions.VolunteerCenter],
        }, ct), "文明实践所");
    }

    static T Check<T>(Outcome<T> outcome, string what) => outcome.IsOk ? outcome.Value!
        : throw new InvalidOperationException($"演示数据 {what}：{outcome.Message ?? string.Join("；", outcome.Errors!.SelectMany(e => e.Value))}");
}
