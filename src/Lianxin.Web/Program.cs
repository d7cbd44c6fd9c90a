using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Members;
using Lianxin.Web.Modules.Demands;
using Lianxin.Web.Modules.Organizations;
using Lianxin.Web.Modules.Pledges;
using Lianxin.Web.Modules.Reviews;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Cli;

var builder = WebApplication.CreateBuilder(args.SkipWhile(Commands.IsCommand).ToArray());

builder.Services.AddLianxinPlatform(builder.Configuration, builder.Environment);
builder.Services.AddDemo(builder.Configuration);
builder.Services.AddOrganizations();
builder.Services.AddMembers();
builder.Services.AddDemands(builder.Configuration);
builder.Services.AddPledges();
builder.Services.AddReviews();

var app = builder.Build();

if (Commands.IsCommand(args.FirstOrDefault()))
    return await Commands.RunAsync(app, args);

await app.PrepareDatabaseAsync();

app.UseLianxinPlatform();
app.MapLianxinPlatform();
app.MapOrganizations();
app.MapMembers();
app.MapDemands();
app.MapPledges();
app.MapReviews();

app.Run();
return 0;

public partial class Program;
