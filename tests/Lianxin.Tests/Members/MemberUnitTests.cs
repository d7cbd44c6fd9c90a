using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Privacy;

namespace Lianxin.Tests.Members;

public class CitizenIdTests
{
    // The worked example of GB 11643-1999 (11010519491231002X) and a number with a digit check.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("440524188001010014")]
    public void Valid_numbers_pass(string id) => Assert.Null(CitizenId.Problem(id));

    [Theory]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("11010519491331002X", "出生日期")]
    [InlineData("1101051949123100", "18 位")]
    [InlineData("11010A19491231002X", "数字")]
    [InlineData("", "请填写")]
    public void Invalid_numbers_say_why(string id, string reason) => Assert.Contains(reason, CitizenId.Problem(id));

    [Fact]
    public void Made_numbers_are_valid_and_carry_birth_date_and_gender()
    {
        var id = CitizenId.Make("330199", new DateOnly(1975, 3, 9), 123);
        Assert.True(CitizenId.IsValid(id));
        Assert.Equal(new DateOnly(1975, 3, 9), CitizenId.BirthDate(id));
        Assert.Equal(Gender.Male, CitizenId.GenderOf(id));
    }
}

public class RosterHistoryTests
{
    static readonly Guid M = Guid.NewGuid();
    static MemberTransfer T(string? to, DateOnly on, TransferKind kind = TransferKind.Internal) => new() { MemberId = M, ToPath = to, On = on, Kind = kind };
    static MemberStatusChange S(MemberStatus to, DateOnly on) => new() { MemberId = M, To = to, On = on };

    [Fact]
    public void The_branch_on_a_past_day_comes_from_the_transfers()
    {
        var transfers = new[] { T("/d/s/c1/b1/", new(2015, 1, 1), TransferKind.Joined), T("/d/s/c2/b2/", new(2020, 6, 1)), T(null, new(2024, 3, 1), TransferKind.TransferOut) };
        Assert.Null(Roster.PathOn(transfers, new(2014, 12, 31)));
        Assert.Equal("/d/s/c1/b1/", Roster.PathOn(transfers, new(2020, 5, 31)));
        Assert.Equal("/d/s/c2/b2/", Roster.PathOn(transfers, new(2020, 6, 1)));
        Assert.Null(Roster.PathOn(transfers, new(2024, 3, 1)));
    }

    [Fact]
    public void Roster_membership_needs_the_subtree_and_good_standing()
    {
        var transfers = new[] { T("/d/s/c1/b1/", new(2015, 1, 1), TransferKind.Joined) };
        var statuses = new[] { S(MemberStatus.Normal, new(2015, 1, 1)), S(MemberStatus.Suspended, new(2019, 1, 1)), S(MemberStatus.Deceased, new(2023, 1, 1)) };
        Assert.True(Roster.OnRoster(transfers, statuses, new(2018, 1, 1), "/d/s/c1/"));
        Assert.True(Roster.OnRoster(transfers, statuses, new(2019, 6, 1), "/d/s/"));   // 停止党籍 still on the roster
        Assert.False(Roster.OnRoster(transfers, statuses, new(2018, 1, 1), "/d/s/c2/"));
        Assert.False(Roster.OnRoster(transfers, statuses, new(2023, 1, 1), "/d/s/c1/"));
    }

    [Fact]
    public void Final_statuses_cannot_change_again()
    {
        Assert.NotNull(ChangeMemberStatus.Problem(MemberStatus.Deceased, MemberStatus.Normal));
        Assert.NotNull(ChangeMemberStatus.Problem(MemberStatus.Normal, MemberStatus.Normal));
        Assert.NotNull(ChangeMemberStatus.Problem(MemberStatus.Normal, MemberStatus.TransferredOut));
        Assert.Null(ChangeMemberStatus.Problem(MemberStatus.Suspended, MemberStatus.Normal));
    }

    [Theory]
    [InlineData(35, "35岁及以下")]
    [InlineData(36, "36—45岁")]
    [InlineData(60, "46—60岁")]
    [InlineData(71, "71岁及以上")]
    public void Age_bands(int age, string band) => Assert.Equal(band, AgeBands.Of(age));
}

public class PostAndCoverageTests
{
    [Fact]
    public void A_full_post_takes_no_one_more()
    {
        var post = new Post { Capacity = 2 };
        Assert.Null(post.CannotApproveAnother(1));
        Assert.Contains("已满", post.CannotApproveAnother(2));
        post.Open = false;
        Assert.Contains("关闭", post.CannotApproveAnother(0));
    }

    [Fact]
    public void Coverage_is_looked_after_over_households_in_the_grid()
    {
        Assert.Equal(0.25m, CentralHousehold.Coverage(30, 120));
        Assert.Equal(0m, CentralHousehold.Coverage(0, 0));
        Assert.Equal(0.3333m, CentralHousehold.Coverage(1, 3));
    }

    [Fact]
    public void Approval_needs_self_nomination_or_a_recommendation_on_record_or_a_legacy_count()
    {
        Assert.NotNull(CentralHousehold.ApprovalProblem(false, 0, 0));
        Assert.Null(CentralHousehold.ApprovalProblem(false, 2, 0));
        Assert.Null(CentralHousehold.ApprovalProblem(false, 0, 15));
        Assert.Null(CentralHousehold.ApprovalProblem(true, 0, 0));
    }

    [Fact]
    public void One_household_key_per_home_whether_chosen_or_typed()
    {
        var compound = Guid.NewGuid();
        var household = Guid.NewGuid();
        Assert.Equal(household.ToString(), CentralHouseholdRecommendation.KeyOf(household, compound, "ignored"));
        Assert.Equal(CentralHouseholdRecommendation.KeyOf(null, compound, "3号楼 2单元 301"), CentralHouseholdRecommendation.KeyOf(null, compound, " 3号楼2单元301 "));
        Assert.NotEqual(CentralHouseholdRecommendation.KeyOf(null, compound, "301"), CentralHouseholdRecommendation.KeyOf(null, Guid.NewGuid(), "301"));
    }
}

public class PersonalDataTests
{
    readonly PersonalData pd = new(new byte[32], Enumerable.Repeat((byte)7, 32).ToArray());

    [Fact]
    public void Encryption_round_trips_and_hides_the_value()
    {
        var a = pd.Encrypt("11010519491231002x");
        Assert.DoesNotContain("1101051949", a);
        Assert.NotEqual(a, pd.Encrypt("11010519491231002X")); // a fresh nonce every time
        Assert.Equal("11010519491231002X", pd.Decrypt(a));
    }

    [Fact]
    public void The_hash_finds_the_same_number_in_any_case() => Assert.Equal(pd.Hash("11010519491231002x"), pd.Hash(" 11010519491231002X "));

    [Fact]
    public void Outside_demo_mode_keys_are_required()
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        Assert.Throws<InvalidOperationException>(() => PersonalData.FromConfiguration(config, demo: false));
        Assert.NotNull(PersonalData.FromConfiguration(config, demo: true));
    }
}

public class XlsxTests
{
    /// <summary>Excel itself writes shared strings, self-closing empty cells and skips blank cells: all must read by header.</summary>
    [Fact]
    public void A_workbook_as_Excel_writes_it_reads_by_header()
    {
        using var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var sst = wb.AddNewPart<DocumentFormat.OpenXml.Packaging.SharedStringTablePart>();
            sst.SharedStringTable = new DocumentFormat.OpenXml.Spreadsheet.SharedStringTable(
                new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text("姓名")),
                new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text("入党日期")),
                new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text("学历")),
                new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text("王芳")));
            var ws = wb.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            DocumentFormat.OpenXml.Spreadsheet.Cell S(string r, int i) => new() { CellReference = r, DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString, CellValue = new(i.ToString()) };
            ws.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(new DocumentFormat.OpenXml.Spreadsheet.SheetData(
                new DocumentFormat.OpenXml.Spreadsheet.Row(S("A1", 0), S("B1", 1), S("C1", 2)) { RowIndex = 1 },
                new DocumentFormat.OpenXml.Spreadsheet.Row(new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = "A2" }) { RowIndex = 2 },
                new DocumentFormat.OpenXml.Spreadsheet.Row(S("A3", 3), new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = "B3" }, new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = "C3", CellValue = new("44013") }) { RowIndex = 3 },
                new DocumentFormat.OpenXml.Spreadsheet.Row(new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = "B5", CellValue = new("44013") }) { RowIndex = 5 }));
            wb.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "S" }));
        }
        var rows = Lianxin.Web.Platform.Excel.Xlsx.Read(new MemoryStream(ms.ToArray()));
        Assert.Equal(2, rows.Count);
        Assert.Equal(3, rows[0].Number);
        Assert.Equal("王芳", rows[0]["姓名"]);
        Assert.Equal("", rows[0]["入党日期"]);
        Assert.Equal("44013", rows[0]["学历"]);
        Assert.Equal(5, rows[1].Number);
        Assert.Equal(new DateOnly(2020, 7, 1), Lianxin.Web.Platform.Excel.Xlsx.Date(rows[1]["入党日期"]));
    }
}
