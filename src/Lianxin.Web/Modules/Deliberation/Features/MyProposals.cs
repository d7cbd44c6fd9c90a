using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

/// <summary>One of my proposals and where its motion stands: which council has it, or what was settled.</summary>
public record ProposalRow(Guid Id, string Title, string Place, MotionLevel Level, string Council, MotionState State, string StateName, DateTime RaisedAt, string? Outcome);

/// <summary>The online proposals the signed-in resident filed, wherever they live: their own rows, so read across scope.</summary>
public static class MyProposals
{
    public static async Task<Outcome<List<ProposalRow>>> HandleAsync(LianxinDb db, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } me || !db.Scope.CanAnywhere(DeliberationPermissions.ProposalOwn)) return Failure.Forbidden;
        var rows = await db.Motions.AcrossScope().AsNoTracking().Where(m => m.RaisedByUserId == me && m.Source == MotionSource.Proposal)
            .OrderByDescending(m => m.RaisedAt).Take(200)
            .Select(m => new { m.Id, m.Title, m.CompoundName, m.Level, m.State, m.RaisedAt, m.Outcome }).ToListAsync(ct);
        return rows.Select(m => new ProposalRow(m.Id, m.Title, m.CompoundName, m.Level, m.Level.Council(), m.State, m.State.Chinese(), m.RaisedAt, m.Outcome)).ToList();
    }
}
