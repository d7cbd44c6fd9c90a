using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Organizations.Domain;

/// <summary>A responsible person of a unit (书记, 副书记, 委员…): a position held by a person for a time.</summary>
public class OrgPosition : Entity, IOrgScoped
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string PersonName { get; set; } = "";
    /// <summary>The officer's phone, AES-GCM encrypted (ADR 0030); shown whole only to those who manage the unit.</summary>
    public string? PhoneCipher { get; set; }
    public Guid? UserId { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public int SortOrder { get; set; }

    public static readonly string[] CommonTitles = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员", "党小组长"];
}
