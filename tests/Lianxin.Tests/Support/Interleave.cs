using Lianxin.Web.Platform.Modules;
using System.Data.Common;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Support;

/// <summary>
/// A deterministic interleaving of two use cases: the app's context for <paramref name="scope"/>, which runs
/// <paramref name="meanwhile"/> to the end once, just before it begins its first transaction (its reads done,
/// nothing written, no lock held), then carries on.
/// </summary>
public static class Interleave
{
    public static LianxinDb BeforeFirstTransaction(IServiceScope scope, Func<Task> meanwhile)
    {
        var options = new DbContextOptionsBuilder<LianxinDb>(scope.ServiceProvider.GetRequiredService<DbContextOptions<LianxinDb>>())
            .AddInterceptors(new Hook(meanwhile)).Options;
        return new LianxinDb(options, scope.ServiceProvider.GetRequiredService<OrgScope>(), scope.ServiceProvider.GetRequiredService<ModuleCatalog>());
    }

    sealed class Hook(Func<Task> meanwhile) : DbTransactionInterceptor
    {
        bool done;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken ct = default)
        {
            if (!done)
            {
                done = true;
                await Task.Run(meanwhile, ct); // off this context's connection and outside any transaction
            }
            return result;
        }
    }
}
