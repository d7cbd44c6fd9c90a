using Lianxin.Web.Demo;
using Lianxin.Web.Modules.CoBuilding;
using Lianxin.Web.Modules.Rollups;
using Lianxin.Web.Modules.Deliberation;
using Lianxin.Web.Modules.Demands;
using Lianxin.Web.Modules.Mediation;
using Lianxin.Web.Modules.Members;
using Lianxin.Web.Modules.Organizations;
using Lianxin.Web.Modules.OrgLife;
using Lianxin.Web.Modules.Pledges;
using Lianxin.Web.Modules.PointsBank;
using Lianxin.Web.Modules.Reviews;
using Lianxin.Web.Modules.Volunteering;
using Lianxin.Web.Modules.Targets;
using Lianxin.Web.Modules.Venues;
using Lianxin.Web.Modules.PartyWork;
using Lianxin.Web.Modules.Showcase;
using Lianxin.Web.Modules.Campaigns;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Cli;
using Lianxin.Web.Platform.Modules;

var builder = WebApplication.CreateBuilder(args.SkipWhile(a => Commands.IsCommand(a, Program.Modules)).ToArray());

builder.Services.AddLianxinPlatform(builder.Configuration, builder.Environment, Program.Modules);
builder.Services.AddDemo(builder.Configuration);

var app = builder.Build();

if (Commands.IsCommand(args.FirstOrDefault(), Program.Modules))
    return await Commands.RunAsync(app, args);

await app.PrepareDatabaseAsync(DemoSetup.SeedOrRefuseAsync);

app.UseLianxinPlatform();
app.MapLianxinPlatform();

app.Run();
return 0;

public partial class Program
{
    /// <summary>The modules of this host, each listed once: their services, tables, permissions and routes (ADR 0016).</summary>
    public static IReadOnlyList<IModule> Modules { get; } =
        [new OrganizationsModule(), new MembersModule(), new DemandsModule(), new PledgesModule(), new ReviewsModule(), new CoBuildingModule(), new RollupsModule(), new OrgLifeModule(), new VolunteeringModule(), new PointsBankModule(), new DeliberationModule(), new MediationModule(), new TargetsModule(), new VenuesModule(), new PartyWorkModule(), new ShowcaseModule(), new CampaignsModule()];
}
