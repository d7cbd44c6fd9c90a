using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Domain;

/// <summary>
/// 楼栋长: a roster member of the building's community answering for it (000: 后三级网格 网格—楼栋—党员中心户), from a day until
/// ended with a reason; at most one current per building, past ones kept as history. Scoped where the building is.
/// </summary>
public class BuildingLeader : Entity, IOrgScoped, IVersioned
{
    public Guid BuildingId { get; set; }
    public Guid CompoundId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public int Version { get; set; }
}
