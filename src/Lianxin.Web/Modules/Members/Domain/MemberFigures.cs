using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Domain;

/// <summary>
/// On-roster members of one branch who live in one community (<see cref="CommunityId"/> empty, <see cref="CommunityPath"/> ""
/// when no residence is known), and of those the ones reported (双报到, not withdrawn) to that community; kept in step on
/// every save (ADR 0037). A subtree's member count sums <see cref="Members"/> over a range of <see cref="OrgPath"/> (the
/// branch); its dual-reporting figures sum the rows whose <see cref="CommunityPath"/> is in the range and whose branch is not
/// under the community, a condition read from the two paths at query time, so it stays right whichever of the two units moves.
/// </summary>
public class MemberFigures : Entity, IOrgScoped
{
    public Guid BranchId { get; set; }
    /// <summary>The branch's path.</summary>
    public string OrgPath { get; set; } = "";
    public Guid CommunityId { get; set; }
    public string CommunityPath { get; set; } = "";
    public int Members { get; set; }
    public int Reported { get; set; }
}

/// <summary>
/// Spans of working away (流动党员) of on-roster members, counted per home branch and span (ADR 0037): the mobile members of a
/// subtree on a day are the sum over rows whose span covers it. An open span ends on <see cref="Open"/>.
/// </summary>
public class MobileFigures : Entity, IOrgScoped
{
    public static readonly DateOnly Open = DateOnly.MaxValue;

    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly StartedOn { get; set; }
    /// <summary>The first day back, or <see cref="Open"/>.</summary>
    public DateOnly EndedOn { get; set; }
    public int Members { get; set; }
}
