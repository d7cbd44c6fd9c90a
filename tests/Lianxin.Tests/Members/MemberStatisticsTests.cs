using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Members;

/// <summary>The roster's figures are counted by the database; they must equal counting the members one by one.</summary>
[Collection(AppCollection.Name)]
public class MemberStatisticsTests(LianxinApp app)
{
    [Fact]
    public async Task The_figures_of_a_community_equal_counting_its_members_one_by_one()
    {
        var (heping, _, _, _) = new MemberRosterTests(app).Units();
        var stats = await (await app.ApiAs("secretary")).GetFromJsonAsync<MemberStats>($"/api/v1/members/stats?unitId={heping.Id}");
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var rows = app.WithDb(db => db.Members.Where(m => m.OrgPath.StartsWith(heping.Path) && (m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended)).ToList());
        Assert.Equal(rows.Count, stats!.Total);
        Assert.Equal(Enum.GetValues<MemberCategory>().Select(c => rows.Count(r => r.Category == c)), stats.ByCategory.Select(c => c.Value));
        Assert.Equal(AgeBands.Names.Select(b => rows.Count(r => AgeBands.Of(r.AgeOn(today)) == b)), stats.ByAgeBand.Select(c => c.Value));
        Assert.Equal(Enum.GetValues<Gender>().Select(g => rows.Count(r => r.Gender == g)), stats.ByGender.Select(c => c.Value));
        Assert.Equal(Enum.GetValues<Employment>().Select(e => rows.Count(r => r.Employment == e)), stats.ByEmployment.Select(c => c.Value));
        Assert.True(stats.ByAgeBand.Count(b => b.Value > 0) > 1, "the demo community spans several age bands");
    }

    [Theory]
    [InlineData("2024-02-29")] // a leap day
    [InlineData("2025-02-28")] // the day a 29 February birthday is kept in a common year
    [InlineData("2025-03-01")]
    [InlineData("2026-12-31")]
    public void A_birth_date_falls_in_the_band_its_age_does(string day)
    {
        var on = DateOnly.Parse(day);
        foreach (var age in AgeBands.Starts)
            for (var born = on.AddYears(-age).AddDays(-3); born <= on.AddYears(-age).AddDays(3); born = born.AddDays(1))
            {
                var member = new Member { BirthDate = born };
                Assert.Equal(member.AgeOn(on) >= age, born <= AgeBands.BornBy(age, on));
            }
        // Born 29 February 1964, one is 61 on 28 February 2025 by the age rule, a day later than AddYears(-61) says.
        Assert.Equal(new DateOnly(1964, 2, 29), AgeBands.BornBy(61, new DateOnly(2025, 2, 28)));
    }
}
