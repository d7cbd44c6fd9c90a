using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record ZoneMemberDto(Guid MemberId, string Name, DateOnly? EndedOn);

/// <summary>A zone with the members answering for it now (<see cref="Responsible"/>) and those taken off by edits (<see cref="Former"/>).</summary>
public record ZoneDto(Guid Id, Guid CommunityId, string Name, string Area, Guid? CompoundId, IReadOnlyList<string> Responsible, IReadOnlyList<Guid> MemberIds,
    IReadOnlyList<ZoneMemberDto> Former, DateOnly? EndedOn, string? EndReason, int Version);

/// <summary>党员责任区 the caller sees, current ones first.</summary>
public static class ListZones
{
    public static async Task<List<ZoneDto>> HandleAsync(LianxinDb db, IQueryable<Domain.ResponsibilityZone> q, CancellationToken ct)
    {
        var zones = await q.AsNoTracking().OrderBy(z => z.EndedOn != null).ThenBy(z => z.OrgPath).ThenBy(z => z.Name).ToListAsync(ct);
        var ids = zones.Select(z => z.Id).ToList();
        var people = (await db.ZoneMembers.AcrossScope().AsNoTracking().Where(z => ids.Contains(z.ZoneId)).ToListAsync(ct)).ToLookup(z => z.ZoneId);
        return zones.Select(z =>
        {
            var now = people[z.Id].Where(p => p.EndedOn is null).ToList();
            return new ZoneDto(z.Id, z.CommunityId, z.Name, z.Area, z.CompoundId, now.Select(p => p.MemberName).ToList(), now.Select(p => p.MemberId).ToList(),
                people[z.Id].Where(p => p.EndedOn is not null).Select(p => new ZoneMemberDto(p.MemberId, p.MemberName, p.EndedOn)).ToList(), z.EndedOn, z.EndReason, z.Version);
        }).ToList();
    }

    public static async Task<ZoneDto> OneAsync(LianxinDb db, Guid id, CancellationToken ct) =>
        (await HandleAsync(db, db.ResponsibilityZones.AcrossScope().Where(z => z.Id == id), ct))[0];
}
