using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Demo;

/// <summary>
/// 发展党员 in 东湖街道, through the module's own use cases: in 和平社区第一网格 (the demo account "grid") an applicant who has had
/// the talk and waits to be named an activist (陈晓雨), one whose talk is overdue, activists and a candidate awaiting approval; in
/// another community a probationary member whose year is up.
/// </summary>
public static class DemoPartyWork
{
    record Person(string Name, DateOnly Birth, bool Female, string Source, (string Step, int DaysAgo, string? Note)[] Steps);

    public static async Task SeedAsync(IServiceProvider sp, GeneratedDistrict g)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var members = sp.GetRequiredService<MemberDirectory>();
        var pd = sp.GetRequiredService<PersonalData>();
        var ct = CancellationToken.None;
        var today = clock.Today();
        var grid = DemoDistrict.Place(g, DemoPlace.GridBranch);
        var street = DemoDistrict.Place(g, DemoPlace.Street);
        var far = g.Units.Last(u => u.Kind == OrgKind.Community && u.ParentId == street.Id);
        var farBranch = g.Units.First(u => u.ParentId == far.Id && u.Kind == OrgKind.Branch);

        Person[] gridPeople =
        [
            new("陈晓雨", new(1996, 4, 12), true, "居民党小组", [("apply", 70, "在社区党群服务中心递交入党申请书。"), ("talk", 55, "支部书记与其谈话，了解入党动机。")]),
            new("刘子豪", new(1999, 9, 3), false, "志愿服务", [("apply", 40, "参加“红色物业”志愿服务后递交申请书。")]),
            new("王雨萱", new(1994, 1, 20), true, "网格", [("apply", 610, null), ("talk", 600, null), ("activist", 560, "支委会研究确定，培养联系人：李建国、周玉兰。")]),
            new("周文博", new(1991, 7, 8), false, "新就业群体", [("apply", 300, "外卖骑手，网格员推荐。"), ("talk", 290, null), ("activist", 240, "培养联系人：黄海涛、林秀英。")]),
            new("赵佳怡", new(1993, 11, 2), true, "居民党小组", [("apply", 900, null), ("talk", 890, null), ("activist", 850, "培养联系人：李建国、周玉兰。"),
                ("candidate", 420, "支委会研究，报社区党委备案。"), ("review", 300, "政治审查合格。"), ("training", 200, "参加街道党工委集中培训，结业考试合格。"),
                ("publicity", 120, "在小区公示栏公示七天，无异议。"), ("admit", 60, "支部大会应到 23 人，实到 21 人，赞成 21 票。")]),
        ];
        Person[] farPeople =
        [
            new("孙海涛", new(1990, 3, 15), false, "退役军人", [("apply", 1300, null), ("talk", 1290, null), ("activist", 1250, "培养联系人：郑志强、吴丽华。"),
                ("candidate", 850, null), ("review", 800, null), ("training", 780, null), ("publicity", 420, null), ("admit", 400, "支部大会表决通过。"),
                ("approve", 370, "社区党委审批同意。"), ("oath", 350, "在红色教育基地集体宣誓。")]),
            new("林静", new(2000, 6, 30), true, "志愿服务", [("apply", 15, null)]),
        ];
        var seq = 0;
        foreach (var (branch, people) in new[] { (grid, gridPeople), (farBranch, farPeople) })
            foreach (var p in people)
            {
                // Fictional numbers: region 330198, unlike the roster's 330199, so nobody is already a member.
                var id = CitizenIds.Make("330198", p.Birth, (++seq * 2 + (p.Female ? 0 : 1)) % 1000);
                var saved = await RegisterApplication.HandleAsync(db, org, members, pd, clock, new ApplicationInput
                {
                    BranchId = branch.Id, Name = p.Name, IdNumber = id, Phone = $"1391234{seq:0000}", Source = p.Source,
                    AppliedOn = today.AddDays(-p.Steps[0].DaysAgo), Note = p.Steps[0].Note,
                }, ct);
                if (!saved.IsOk) throw new InvalidOperationException($"演示入党申请 {p.Name}：{saved.Message ?? string.Join("；", saved.Errors!.SelectMany(e => e.Value))}");
                var version = saved.Value!.Version;
                foreach (var (step, daysAgo, note) in p.Steps.Skip(1))
                {
                    var r = await RecordStep.HandleAsync(db, clock, saved.Value.Id, new StepInput
                    {
                        StepCode = step, On = today.AddDays(-daysAgo), Note = note, Version = version,
                        Contacts = step == "activist" ? (note?.Split('：').LastOrDefault()?.TrimEnd('。') ?? "郑志强、吴丽华") : null,
                    }, [], ct);
                    if (!r.IsOk) throw new InvalidOperationException($"演示发展步骤 {p.Name} {step}：{r.Message ?? string.Join("；", r.Errors!.SelectMany(e => e.Value))}");
                    version = r.Value!.Version;
                }
            }
    }
}
