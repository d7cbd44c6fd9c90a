using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Members;

/// <summary>The roster's unit and compound filters: whole when few, trimmed to the upper levels and the chosen unit when many.</summary>
[Collection(AppCollection.Name)]
public class MemberFilterOptionsTests(LianxinApp app)
{
    async Task<MemberFilterOptions.Options> OptionsAsync(string? chosenName, int max, string userName = "admin", OrgKind chosenKind = OrgKind.Community)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.SignInAsAsync(userName);
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var chosen = chosenName is null ? null : (await org.InScopeAsync(default, true, chosenKind)).Single(u => u.Name == chosenName);
        return await MemberFilterOptions.HandleAsync(db, org, sp.GetRequiredService<PlaceDirectory>(), chosen, default, max);
    }

    [Fact]
    public async Task A_small_district_offers_every_unit_and_compound()
    {
        var all = await OptionsAsync(null, MemberFilterOptions.Max);
        Assert.Contains(all.Units, u => u.Kind == OrgKind.Branch);
        Assert.Contains(all.Units, u => u.Name == "中共和平社区委员会");
        Assert.NotEmpty(all.Compounds);
    }

    [Fact]
    public async Task Too_many_choices_leave_the_upper_levels_and_what_lies_under_the_chosen_community()
    {
        var none = await OptionsAsync(null, 3);
        Assert.All(none.Units, u => Assert.Contains(u.Kind, new[] { OrgKind.District, OrgKind.Street, OrgKind.Community }));
        Assert.Contains(none.Units, u => u.Name == "中共和平社区委员会");
        Assert.Empty(none.Compounds);

        var chosen = await OptionsAsync("中共和平社区委员会", 3);
        var community = chosen.Units.Single(u => u.Name == "中共和平社区委员会");
        var branches = chosen.Units.Where(u => u.Kind == OrgKind.Branch).ToList();
        Assert.NotEmpty(branches);
        Assert.All(branches, b => Assert.StartsWith(community.Path, b.Path));
        Assert.InRange(chosen.Compounds.Count, 1, 3);
        Assert.All(chosen.Compounds, c => Assert.StartsWith(community.Path, c.OrgPath));
    }

    [Fact]
    public async Task A_chosen_street_too_large_to_list_whole_offers_its_own_children_but_not_their_branches()
    {
        var street = await OptionsAsync("中共东湖街道工作委员会", 3, chosenKind: OrgKind.Street);
        var dongHu = street.Units.Single(u => u.Name == "中共东湖街道工作委员会");
        var below = street.Units.Where(u => u.Path.StartsWith(dongHu.Path) && u.Id != dongHu.Id).ToList();
        Assert.Contains(below, u => u.Name == "中共和平社区委员会");
        Assert.All(below, u => Assert.Equal(dongHu.Depth + 1, u.Depth));
        // The other streets stay offered (the upper levels), their communities too.
        Assert.Contains(street.Units, u => u.Kind == OrgKind.Street && u.Id != dongHu.Id);
    }

    [Fact]
    public async Task A_community_secretary_is_offered_only_their_own_community_even_when_the_list_is_trimmed()
    {
        foreach (var max in new[] { MemberFilterOptions.Max, 0 })
        {
            var options = await OptionsAsync(null, max, "secretary");
            var community = Assert.Single(options.Units, u => u.Kind == OrgKind.Community);
            Assert.Equal("中共和平社区委员会", community.Name);
            Assert.All(options.Units, u => Assert.StartsWith(community.Path, u.Path));
            Assert.All(options.Compounds, c => Assert.StartsWith(community.Path, c.OrgPath));
        }
    }
}
