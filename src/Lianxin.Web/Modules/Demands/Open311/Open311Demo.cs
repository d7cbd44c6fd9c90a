using Lianxin.Web.Modules.Demands.Open311.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Demands.Open311;

/// <summary>The demo client of 东湖街道 with the fixed key README documents (refused outside demo mode).</summary>
public static class Open311Demo
{
    public static async Task SeedAsync(IServiceProvider sp, Guid streetId)
    {
        var issued = await Open311Clients.IssueAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<TimeProvider>(),
            new IssueOpen311ClientRequest { StreetId = streetId, Name = "随手拍（演示客户端）", Contact = "演示：open311-demo@example.org" },
            CancellationToken.None, fixedKey: Open311Keys.DemoKey);
        if (!issued.IsOk) throw new InvalidOperationException("演示 Open311 客户端未能创建：" + issued.Message);
    }
}
