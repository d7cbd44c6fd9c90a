using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

public record CompoundRow(Guid Id, string Name, string TypeName, bool HasCommittee, bool IsRed, int CommitteeMembers, int PartyMembers, string PropertyName);

public record CommitteeMemberDto(string Name, string Post, bool IsPartyMember);
public record CommitteeDto(Guid Id, DateOnly TermFrom, DateOnly TermTo, bool LedByBranch, string? LeadingBranch, bool Current, bool IsRed, int PartyMembers,
    IReadOnlyList<CommitteeMemberDto> Members);
public record PropertyDto(PropertyKind Kind, string KindName, string? Provider, string? LeadBranch, string? ServiceBody, string? Parties, DateOnly Since, string? Note, int Version);
public record ConventionVersionDto(int Number, string Body, DateOnly AdoptedOn, string AdoptedBy, string? ChangeNote, string EditedBy, DateTime EditedAt);
public record ConventionDto(string Title, int CurrentNumber, IReadOnlyList<ConventionVersionDto> Versions);

public record CompoundProfile(Guid Id, string Name, string TypeName, string CommunityName, int RedMinPartyPercent, bool RedRequiresBranchLead,
    IReadOnlyList<CommitteeDto> Committees, PropertyDto? Property, ConventionDto? Convention, IReadOnlyList<MotionRow> Motions, bool CanManage);

/// <summary>The compounds the caller sees with their self-governance, and one compound's committee terms, property arrangement, convention and motions.</summary>
public static class CompoundQueries
{
    public static async Task<Outcome<List<CompoundRow>>> ListAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DeliberationPermissions.View)) return Failure.Forbidden;
        var rows = await CompoundCoverage.ReadAsync(db, org, places, db.Scope.Paths, clock.Today(), ct);
        return rows.OrderBy(c => c.Compound.OrgPath).ThenBy(c => c.Compound.Name)
            .Select(c => new CompoundRow(c.Compound.Id, c.Compound.Name, c.Compound.Type.Chinese(), c.CommitteeId is not null, c.IsRed, c.CommitteeMembers, c.PartyMembers,
                c.Property is { } k ? k.Chinese() : "未登记")).ToList();
    }

    public static async Task<Outcome<CompoundProfile>> ProfileAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DeliberationPermissions.View)) return Failure.Forbidden;
        var compound = await CompoundAccess.SeenAsync(db, places, id, ct);
        if (compound is null) return Failure.NotFound;
        var today = clock.Today();
        var community = await org.FindInDistrictAsync(compound.CommunityId, ct);
        var rule = (await RedRules.ForStreetsAsync(db, [community?.ParentId ?? Guid.Empty], ct)).Values.FirstOrDefault() ?? SelfGovernanceRules.Default;

        var committees = await db.OwnersCommittees.AsNoTracking().Where(c => c.CompoundId == id).OrderByDescending(c => c.TermFrom).ToListAsync(ct);
        var ids = committees.Select(c => c.Id).ToList();
        var members = (await db.OwnersCommitteeMembers.AsNoTracking().Where(m => ids.Contains(m.CommitteeId)).OrderBy(m => m.SortOrder).ToListAsync(ct))
            .ToLookup(m => m.CommitteeId);
        var current = committees.FirstOrDefault(c => c.TermFrom <= today && c.TermTo >= today)?.Id;
        var p = await db.PropertyArrangements.AsNoTracking().FirstOrDefaultAsync(x => x.CompoundId == id, ct);
        var convention = await db.Conventions.AsNoTracking().FirstOrDefaultAsync(x => x.CompoundId == id, ct);
        var versions = convention is null ? [] : await db.ConventionVersions.AsNoTracking().Where(v => v.ConventionId == convention.Id)
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        var motions = await db.Motions.AsNoTracking().Where(m => m.CompoundId == id).OrderByDescending(m => m.RaisedAt).Take(50).ToListAsync(ct);

        return new CompoundProfile(compound.Id, compound.Name, compound.Type.Chinese(), community?.DisplayName ?? "—", rule.MinPartyPercent, rule.RequireBranchLead,
            committees.Select(c =>
            {
                var list = members[c.Id].ToList();
                var party = list.Count(m => m.IsPartyMember);
                return new CommitteeDto(c.Id, c.TermFrom, c.TermTo, c.LedByBranch, c.LeadingBranch, c.Id == current,
                    SelfGovernanceRules.IsRed(list.Count, party, c.LedByBranch, rule.MinPartyPercent, rule.RequireBranchLead), party,
                    list.Select(m => new CommitteeMemberDto(m.Name, m.Post, m.IsPartyMember)).ToList());
            }).ToList(),
            p is null ? null : new PropertyDto(p.Kind, p.Kind.Chinese(), p.Provider, p.LeadBranch, p.ServiceBody, p.Parties, p.Since, p.Note, p.Version),
            convention is null ? null : new ConventionDto(convention.Title, convention.CurrentNumber,
                versions.Select(v => new ConventionVersionDto(v.Number, v.Body, v.AdoptedOn, v.AdoptedBy, v.ChangeNote, v.EditedBy, v.EditedAt)).ToList()),
            motions.Select(m => new MotionRow(m.Id, m.Title, m.CompoundName, m.Level, m.Level.Chinese(), m.State, m.State.Chinese(), m.Source.Chinese(), m.RaisedAt, false)).ToList(),
            db.Scope.Can(DeliberationPermissions.Manage, compound.OrgPath));
    }
}
