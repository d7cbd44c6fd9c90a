using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Modules.Deliberation.Domain;

// Enums travel as names in JSON and are stored as names: a reordering cannot shift meanings.

/// <summary>The three levels of deliberation (三级议事), bottom up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MotionLevel>))]
public enum MotionLevel { Compound, Community, Street }

/// <summary>Open: on the agenda of its current level. Settled: a meeting agreed on an outcome. Closed: the street could not settle it either.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MotionState>))]
public enum MotionState { Open, Settled, Closed }

[JsonConverter(typeof(JsonStringEnumConverter<MotionSource>))]
public enum MotionSource { Resident, Member, Staff, Demand, Proposal }

/// <summary>How a meeting decided: by a show of votes, or by consensus after discussion (协商一致).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionMode>))]
public enum DecisionMode { Vote, Consensus }

[JsonConverter(typeof(JsonStringEnumConverter<MeetingResult>))]
public enum MeetingResult { Settled, Unresolved }

/// <summary>
/// A motion (议题) raised at a compound. Like a demand, <see cref="OrgPath"/> is the compound's place (its own branch, else its
/// grid branch, else its community), so that unit, its community and its street all see it however high it goes;
/// <see cref="HandlerPath"/> is the unit whose meeting takes it up now (compound → community → street).
/// </summary>
public class Motion : Entity, IOrgScoped, IVersioned
{
    public Guid CompoundId { get; set; }
    public string CompoundName { get; set; } = "";
    public Guid CommunityId { get; set; }
    public Guid StreetId { get; set; }
    public string OrgPath { get; set; } = "";
    public MotionLevel Level { get; set; }
    public Guid HandlerUnitId { get; set; }
    public string HandlerPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public MotionSource Source { get; set; }
    /// <summary>Who raised it, as they gave it (optional for residents): shown to staff only.</summary>
    [PersonalData] public string? ProposerName { get; set; }
    /// <summary>A phone the proposer left to be called back (online proposals only), AES-GCM encrypted (ADR 0030): shown masked.</summary>
    public string? ContactPhoneCipher { get; set; }
    public Guid? RaisedByUserId { get; set; }
    public Guid? DemandId { get; set; }
    public string? DemandTicket { get; set; }
    public MotionState State { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime LevelSince { get; set; }
    public DateTime? SettledAt { get; set; }
    public MotionLevel? SettledLevel { get; set; }
    /// <summary>Days from raising to settling, fixed when settled, so the figures average it in SQL.</summary>
    public double? DaysToSettle { get; set; }
    public string? Outcome { get; set; }
    public bool ToPledge { get; set; }
    public int Version { get; set; }
}

/// <summary>A meeting (议事会) of one level on one motion: who took part, the positions put, the vote or consensus, the result.</summary>
public class MotionMeeting : Entity, IOrgScoped
{
    public Guid MotionId { get; set; }
    public string OrgPath { get; set; } = "";
    public MotionLevel Level { get; set; }
    public Guid UnitId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = "";
    public string Host { get; set; } = "";
    /// <summary>Participants by name and capacity (业主代表、物业、党支部…), one per line.</summary>
    public string Participants { get; set; } = "";
    public int ParticipantCount { get; set; }
    /// <summary>The positions put at the meeting (各方意见).</summary>
    public string Positions { get; set; } = "";
    public DecisionMode Mode { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstain { get; set; }
    public MeetingResult Result { get; set; }
    public string Outcome { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

public static class MotionRules
{
    public static string Chinese(this MotionLevel l) => l switch
    {
        MotionLevel.Compound => "小区", MotionLevel.Community => "社区", MotionLevel.Street => "街道", _ => l.ToString(),
    };

    /// <summary>The meeting of each level: 小区议事会, 社区议事会 (联席会议), 街道议事会 (协商议事会).</summary>
    public static string Council(this MotionLevel l) => l.Chinese() + "议事会";

    public static string Chinese(this MotionState s) => s switch
    {
        MotionState.Open => "议事中", MotionState.Settled => "已议定", MotionState.Closed => "未议定已终结", _ => s.ToString(),
    };

    public static string Tone(this MotionState s) => s switch { MotionState.Open => "blue", MotionState.Settled => "success", _ => "secondary" };

    public static string Chinese(this MotionSource s) => s switch
    {
        MotionSource.Resident => "居民提出", MotionSource.Member => "党员提出", MotionSource.Staff => "工作人员提出", MotionSource.Demand => "由诉求转入", MotionSource.Proposal => "网上提议", _ => s.ToString(),
    };

    public static string Chinese(this DecisionMode m) => m == DecisionMode.Vote ? "表决" : "协商一致";

    public static string Chinese(this MeetingResult r) => r == MeetingResult.Settled ? "议定" : "未议定";

    public static MotionLevel? Above(MotionLevel l) => l switch
    {
        MotionLevel.Compound => MotionLevel.Community, MotionLevel.Community => MotionLevel.Street, _ => null,
    };

    /// <summary>
    /// A vote settles the motion when more than half of the votes cast are in favour (abstentions count as cast); a
    /// consensus meeting says itself whether it agreed.
    /// </summary>
    public static MeetingResult VoteResult(int votesFor, int against, int abstain) =>
        votesFor * 2 > votesFor + against + abstain ? MeetingResult.Settled : MeetingResult.Unresolved;

    /// <summary>Days between raising and settling, to one decimal.</summary>
    public static double Days(DateTime raisedAt, DateTime settledAt) => Math.Round((settledAt - raisedAt).TotalDays, 1);
}
