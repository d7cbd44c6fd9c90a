namespace Lianxin.Web.Modules.Members.Domain;

/// <summary>Rebuilding the roster of a past day from the transfer and status histories (never from the current row).</summary>
public static class Roster
{
    /// <summary>The branch path holding the membership at the end of <paramref name="day"/>; null when not in the district then.</summary>
    public static string? PathOn(IEnumerable<MemberTransfer> transfers, DateOnly day) =>
        transfers.Where(t => t.On <= day).OrderBy(t => t.On).ThenBy(t => t.RecordedAt).ThenBy(t => t.Id).LastOrDefault()?.ToPath;

    /// <summary>The status at the end of <paramref name="day"/>; null before the first record.</summary>
    public static MemberStatus? StatusOn(IEnumerable<MemberStatusChange> changes, DateOnly day) =>
        changes.Where(c => c.On <= day).OrderBy(c => c.On).ThenBy(c => c.RecordedAt).ThenBy(c => c.Id).LastOrDefault()?.To;

    /// <summary>On the roster of <paramref name="subtreePath"/> that day: held there and in good standing (正常 or 停止党籍).</summary>
    public static bool OnRoster(IEnumerable<MemberTransfer> transfers, IEnumerable<MemberStatusChange> changes, DateOnly day, string subtreePath) =>
        PathOn(transfers, day) is { } path && path.StartsWith(subtreePath, StringComparison.Ordinal)
        && StatusOn(changes, day) is MemberStatus.Normal or MemberStatus.Suspended;
}

public static class AgeBands
{
    public static readonly string[] Names = ["35岁及以下", "36—45岁", "46—60岁", "61—70岁", "71岁及以上"];

    /// <summary>The youngest age of each band after the first (36, 46, 61, 71).</summary>
    public static readonly int[] Starts = [36, 46, 61, 71];

    public static string Of(int age) => Names[Starts.Count(s => age >= s)];

    /// <summary>
    /// The latest birth date of someone <paramref name="age"/> or older on <paramref name="day"/>: age bands become date
    /// ranges a database can count. Stepped from AddYears by the age rule itself, so 29 February agrees with it.
    /// </summary>
    public static DateOnly BornBy(int age, DateOnly day)
    {
        static int Age(DateOnly born, DateOnly on) => on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);
        var latest = day.AddYears(-age);
        while (Age(latest.AddDays(1), day) >= age) latest = latest.AddDays(1);
        return latest;
    }
}

public static class MemberNames
{
    public static string Chinese(this Gender g) => g == Gender.Male ? "男" : "女";

    public static string Chinese(this MemberCategory c) => c == MemberCategory.Full ? "正式党员" : "预备党员";

    public static string Chinese(this MemberStatus s) => s switch
    {
        MemberStatus.Normal => "正常",
        MemberStatus.Suspended => "停止党籍",
        MemberStatus.Expelled => "出党",
        MemberStatus.Withdrawn => "退党",
        MemberStatus.Deceased => "死亡",
        MemberStatus.TransferredOut => "已转出本区",
        MemberStatus.Disqualified => "取消预备党员资格",
        _ => s.ToString(),
    };

    public static string Chinese(this Employment e) => e switch
    {
        Employment.InService => "在职",
        Employment.Retired => "离退休",
        Employment.Floating => "流动党员",
        Employment.Unemployed => "无固定职业",
        Employment.Student => "学生",
        _ => e.ToString(),
    };

    public static string Chinese(this TransferKind k) => k switch
    {
        TransferKind.Joined => "入党建档",
        TransferKind.TransferIn => "转入",
        TransferKind.Internal => "区内转接",
        TransferKind.TransferOut => "转出",
        _ => k.ToString(),
    };

    public static T? ParseChinese<T>(string text) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            var zh = v switch
            {
                Gender g => g.Chinese(),
                MemberCategory c => c.Chinese(),
                MemberStatus s => s.Chinese(),
                Employment e => e.Chinese(),
                _ => v.ToString(),
            };
            if (zh == text.Trim() || v.ToString().Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) return v;
        }
        return null;
    }
}
