using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Organizations.Domain;

/// <summary>A territory of a community with its grid branch (source 000: 后三级网格).</summary>
public class Grid : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    /// <summary>The grid party branch; null while the grid has none.</summary>
    public Guid? BranchId { get; set; }
    public string? GridWorker { get; set; }
    public int Version { get; set; }
}

/// <summary>小区 / 院落. <see cref="BranchId"/> is set when the compound has its own party branch (小区党支部覆盖率, source 002).</summary>
public class Compound : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid? GridId { get; set; }
    public Guid? BranchId { get; set; }
    public string Name { get; set; } = "";
    public CompoundType Type { get; set; }
    public string? Address { get; set; }
    public int Version { get; set; }
}

public class Building : Entity, IOrgScoped
{
    public Guid CompoundId { get; set; }
    public Guid? GridId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public int Floors { get; set; }
    /// <summary>
    /// 楼栋长: the roster member Members assigned (<see cref="LeaderMemberId"/>, with their name), written only through
    /// <see cref="Contracts.PlaceDirectory.SetBuildingLeader"/>; coverage counts buildings with a linked member. A name without
    /// a member id is free text typed before 0031 that matched no single member (shown "未关联"), its phone kept with it.
    /// </summary>
    public Guid? LeaderMemberId { get; set; }
    public string? LeaderName { get; set; }
    /// <summary>That free-text leader's phone, AES-GCM encrypted (ADR 0030); shown whole only to those who manage the compound.</summary>
    public string? LeaderPhoneCipher { get; set; }
}

public class Household : Entity, IOrgScoped
{
    public Guid BuildingId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Room { get; set; } = "";
    public int Residents { get; set; }
}
