using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>A member as shown to the caller: phone and ID number masked unless the caller holds MemberPersonalData there.</summary>
public record MemberDto(
    Guid Id, string Name, string Gender, string Ethnicity, DateOnly BirthDate, int Age, string IdNumber, string Phone,
    string? Education, DateOnly JoinedOn, DateOnly? FullMemberOn, MemberCategory Category, string CategoryName,
    MemberStatus Status, string StatusName, DateOnly StatusSince, Guid BranchId, string BranchName,
    Guid? CompoundId, string? CompoundName, Guid? BuildingId, string? BuildingName, Guid? HouseholdId, string? Address,
    string? Workplace, Employment Employment, string EmploymentName, string? FloatingTo, bool Unmasked, int Version);

public static class MemberViews
{
    /// <summary>Turns rows into DTOs with one directory call each for the branch, compound and building names.</summary>
    public static async Task<List<MemberDto>> ToDtosAsync(this LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, IReadOnlyList<Member> members, DateOnly today, CancellationToken ct)
    {
        var branchIds = members.Select(m => m.BranchId).Distinct().ToList();
        var compoundIds = members.Where(m => m.CompoundId is not null).Select(m => m.CompoundId!.Value).Distinct().ToList();
        var buildingIds = members.Where(m => m.BuildingId is not null).Select(m => m.BuildingId!.Value).Distinct().ToList();
        // Names of places are not personal data; a workplace member may live outside the caller's scope.
        var branches = await units.FullNamesAsync(branchIds, ct);
        var compounds = (await places.CompoundsAsync(compoundIds, ct)).ToDictionary(c => c.Id, c => c.Name);
        var buildings = (await places.BuildingsAsync(buildingIds, ct)).ToDictionary(b => b.Id, b => b.Name);
        return members.Select(m => ToDto(m, db.Scope.Can(MemberPermissions.MemberPersonalData, m.OrgPath), pd, today,
            branches.GetValueOrDefault(m.BranchId, "—"),
            m.CompoundId is { } c ? compounds.GetValueOrDefault(c) : null,
            m.BuildingId is { } b ? buildings.GetValueOrDefault(b) : null)).ToList();
    }

    public static MemberDto ToDto(Member m, bool unmasked, PersonalData pd, DateOnly today, string branch, string? compound, string? building)
    {
        var id = pd.Decrypt(m.IdNumberCipher);
        var phone = pd.OpenPhone(m.PhoneCipher);
        return new MemberDto(m.Id, m.Name, m.Gender.Chinese(), m.Ethnicity, m.BirthDate, m.AgeOn(today),
            unmasked ? id : Mask.IdNumber(id), unmasked ? phone : Mask.Phone(phone),
            m.Education, m.JoinedOn, m.FullMemberOn, m.Category, m.Category.Chinese(), m.Status, m.Status.Chinese(), m.StatusSince,
            m.BranchId, branch, m.CompoundId, compound, m.BuildingId, building, m.HouseholdId, m.Address,
            m.Workplace, m.Employment, m.Employment.Chinese(), m.FloatingTo, unmasked, m.Version);
    }
}
