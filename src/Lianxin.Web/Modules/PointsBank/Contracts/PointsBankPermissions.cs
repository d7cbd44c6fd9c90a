using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.PointsBank.Contracts;

public static class PointsBankPermissions
{
    /// <summary>Read a community's bank: figures, merchants, statements, the ledger check.</summary>
    public static readonly Permission View = new("PointsBankView", "查看X贤银行账目",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    /// <summary>Run a community's bank: approve merchants, set rates, propose and approve good deeds, settle, reverse.</summary>
    public static readonly Permission Manage = new("PointsBankManage", "管理X贤银行（审核商家、积分规则、好人好事、结算、冲正）",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    /// <summary>Hold points (X贤储户) and show one's code at a till.</summary>
    public static readonly Permission Deposit = new("PointsBankDeposit", "X贤储户：查看积分、出示兑换码", Role.Resident, Role.Member);

    /// <summary>Run a shop (X贤商家): apply, keep a catalogue, redeem depositors' points.</summary>
    public static readonly Permission Trade = new("PointsBankTrade", "X贤商家：商品目录与积分兑换", Role.Merchant);

    public static IReadOnlyList<Permission> All { get; } = [View, Manage, Deposit, Trade];
}
