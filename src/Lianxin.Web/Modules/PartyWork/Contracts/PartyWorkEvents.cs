using Lianxin.Web.Platform.Events;

namespace Lianxin.Web.Modules.PartyWork.Contracts;

/// <summary>
/// The higher committee approved the admission of a 发展对象 as 预备党员 (ADR 0019). Members puts the person on the roster with
/// <see cref="PersonId"/> as the member's id, so later events about the same person find them. The ID number travels
/// encrypted (<see cref="IdNumberCipher"/>, Platform.Privacy), and so does the phone (<see cref="PhoneCipher"/>, null when none):
/// the outbox row is stored, and nothing may log either in clear (ADR 0030).
/// <see cref="AdmittedOn"/> is the day the branch meeting admitted them (入党时间; the probation year counts from it).
/// </summary>
public sealed record ProbationaryMemberAdmitted(Guid PersonId, string Name, string Gender, DateOnly BirthDate, string IdNumberCipher,
    string? PhoneCipher, Guid BranchId, DateOnly AdmittedOn, DateOnly ApprovedOn) : IntegrationEvent;

/// <summary>A probationary member became a full member (按期转正 or after an extended probation) on <see cref="ConfirmedOn"/>.</summary>
public sealed record MemberConfirmedFull(Guid PersonId, DateOnly ConfirmedOn) : IntegrationEvent;

/// <summary>
/// 取消预备党员资格: the higher committee cancelled a probationary member's candidacy on <see cref="CancelledOn"/>; the roster ends their
/// record with that reason (the mirror of <see cref="ProbationaryMemberAdmitted"/>).
/// </summary>
public sealed record ProbationCancelled(Guid PersonId, DateOnly CancelledOn) : IntegrationEvent;
