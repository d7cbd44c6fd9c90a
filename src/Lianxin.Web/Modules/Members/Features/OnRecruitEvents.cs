using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// A 预备党员 approved by the higher committee joins the roster as SaveMember would create them: the member row (id = the
/// person's id in the pipeline), a 入党建档 transfer and a 正常 status row dated the branch meeting, so the roster of any day reads them.
/// </summary>
public class OnProbationaryMemberAdmitted(LianxinDb db, OrgDirectory units, PersonalData pd, TimeProvider clock) : IEventHandler<ProbationaryMemberAdmitted>
{
    public const string By = "发展党员";

    public async Task HandleAsync(ProbationaryMemberAdmitted e, CancellationToken ct)
    {
        var hash = pd.Hash(pd.Decrypt(e.IdNumberCipher));
        // Already on the roster (typed in by hand before the approval reached us): keep that record.
        if (await db.Members.AcrossScope().AnyAsync(m => m.Id == e.PersonId || m.IdNumberHash == hash, ct)) return;
        var branch = await units.FindInDistrictAsync(e.BranchId, ct) ?? throw new InvalidOperationException($"Branch {e.BranchId} is not in the district.");
        var now = clock.GetUtcNow().UtcDateTime;
        var phone = pd.Seal(pd.OpenPhone(e.PhoneCipher));
        var member = new Member
        {
            Id = e.PersonId, Name = e.Name, Gender = e.Gender == "女" ? Gender.Female : Gender.Male, BirthDate = e.BirthDate,
            IdNumberCipher = pd.Reencrypt(e.IdNumberCipher), IdNumberHash = hash, PhoneCipher = phone.Cipher, PhoneHash = phone.Hash, JoinedOn = e.AdmittedOn,
            Category = MemberCategory.Probationary, Status = MemberStatus.Normal, StatusSince = e.AdmittedOn,
            BranchId = branch.Id, OrgPath = branch.Path, Employment = Employment.InService, CreatedAt = now,
        };
        db.Members.Add(member);
        db.MemberTransfers.Add(new MemberTransfer
        {
            MemberId = member.Id, OrgPath = branch.Path, Kind = TransferKind.Joined, ToBranchId = branch.Id, ToPath = branch.Path,
            On = e.AdmittedOn, Reason = $"上级党委 {e.ApprovedOn:yyyy-MM-dd} 审批接收为预备党员", RecordedAt = now, RecordedBy = By,
        });
        db.MemberStatusChanges.Add(new MemberStatusChange
        {
            MemberId = member.Id, OrgPath = branch.Path, To = MemberStatus.Normal, On = e.AdmittedOn, Reason = "接收为预备党员", RecordedAt = now, RecordedBy = By,
        });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>转正: the probationary member becomes a full member on the day the branch confirmed them.</summary>
public class OnMemberConfirmedFull(LianxinDb db) : IEventHandler<MemberConfirmedFull>
{
    public async Task HandleAsync(MemberConfirmedFull e, CancellationToken ct)
    {
        var m = await db.Members.AcrossScope().FirstOrDefaultAsync(x => x.Id == e.PersonId, ct);
        if (m is null || m.Category == MemberCategory.Full) return;
        m.Category = MemberCategory.Full;
        m.FullMemberOn = e.ConfirmedOn;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// 取消预备党员资格: the person leaves the roster on the day the higher committee decided, as a dated status change (history kept), the
/// way the approval brought them on. A full member, or one already off the roster, is left alone.
/// </summary>
public class OnProbationCancelled(LianxinDb db, TimeProvider clock) : IEventHandler<ProbationCancelled>
{
    public const string Reason = "取消预备党员资格";

    public async Task HandleAsync(ProbationCancelled e, CancellationToken ct)
    {
        var m = await db.Members.AcrossScope().FirstOrDefaultAsync(x => x.Id == e.PersonId, ct);
        if (m is null || !m.OnRoster || m.Category != MemberCategory.Probationary) return;
        db.MemberStatusChanges.Add(new MemberStatusChange
        {
            MemberId = m.Id, OrgPath = m.OrgPath, From = m.Status, To = MemberStatus.Disqualified, On = e.CancelledOn, Reason = Reason,
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = OnProbationaryMemberAdmitted.By,
        });
        (m.Status, m.StatusSince) = (MemberStatus.Disqualified, e.CancelledOn);
        await db.SaveChangesAsync(ct);
    }
}
