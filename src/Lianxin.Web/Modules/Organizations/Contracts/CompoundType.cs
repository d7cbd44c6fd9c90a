using System.Text.Json.Serialization;

namespace Lianxin.Web.Modules.Organizations.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<CompoundType>))]
public enum CompoundType { Commercial, OldCompound, SelfManaged, UnitCompound, VillageConverted }

public static class CompoundTypeNames
{
    public static string Chinese(this CompoundType type) => type switch
    {
        CompoundType.Commercial => "商品房小区",
        CompoundType.OldCompound => "老旧小区",
        CompoundType.SelfManaged => "自管小区",
        CompoundType.UnitCompound => "单位院落",
        CompoundType.VillageConverted => "村改居小区",
        _ => type.ToString(),
    };
}
