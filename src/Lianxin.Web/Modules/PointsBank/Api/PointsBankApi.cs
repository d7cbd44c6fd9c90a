using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.PointsBank.Api;

/// <summary>/api/v1/pointsbank: the X贤银行 for depositors, merchants' tills and the community's staff.</summary>
public static class PointsBankApi
{
    public static void MapPointsBankApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/pointsbank").WithTags("PointsBank").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/me", async (LianxinDb db, OrgDirectory org, CancellationToken ct) => (await GetMyBank.HandleAsync(db, org, ct)).ToApi())
            .Produces<MyBank>().WithSummary("我的积分：各社区账户余额与明细（含冲正）");
        g.MapPost("/me/code", (LianxinDb db, DepositorCode codes) => db.Scope.UserId is { } me
                ? Results.Ok(codes.Issue(me))
                : Results.Forbid())
            .Produces<DepositorCode.Issued>().WithSummary("出示兑换码：几分钟内有效的签名码（商家扫码兑换）");
        g.MapPut("/me/show-name", async (LianxinDb db, ShowNameRequest r, CancellationToken ct) => (await SetShowName.HandleAsync(db, r, ct)).ToApi())
            .WithSummary("X贤榜上是否显示我的姓名");

        g.MapPost("/merchants", async (LianxinDb db, OrgDirectory org, TimeProvider clock, MerchantApplication r, CancellationToken ct) =>
                (await ApplyAsMerchant.HandleAsync(db, org, clock, r, ct)).ToApi())
            .Produces<MerchantRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("申请成为X贤商家");
        g.MapPost("/merchants/{id:guid}/decision", async (LianxinDb db, TimeProvider clock, Guid id, DecideMerchantRequest r, CancellationToken ct) =>
                (await DecideMerchant.HandleAsync(db, clock, id, r, ct)).ToApi())
            .Produces<MerchantRow>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("社区审核商家申请");
        g.MapPost("/merchants/{id:guid}/settlements", async (LianxinDb db, TimeProvider clock, Guid id, SettleRequest r, CancellationToken ct) =>
                (await SettleMerchant.HandleAsync(db, clock, id, r, ct)).ToApi())
            .Produces<SettlementRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("按期间结算商家已兑换的积分（同一期间重复提交返回首次结果）");
        g.MapGet("/settlements/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) =>
                (await GetSettlementStatement.HandleAsync(db, org, id, ct)).ToApi())
            .Produces<SettlementStatement>().WithSummary("结算单");

        g.MapGet("/shop", async (LianxinDb db, TimeProvider clock, CancellationToken ct) => (await GetShop.HandleAsync(db, clock, ct)).ToApi())
            .Produces<Shop>().WithSummary("我的店铺：商品、待确认兑换、结算与账户明细");
        g.MapPost("/shop/items", async (LianxinDb db, TimeProvider clock, CatalogueItemInput r, CancellationToken ct) =>
                (await AddCatalogueItem.HandleAsync(db, clock, r, ct)).ToApi())
            .Produces<CatalogueItemRow>().ProducesValidationProblem().WithSummary("上架商品");
        g.MapPost("/shop/items/{id:guid}/stock", async (LianxinDb db, TimeProvider clock, Guid id, RestockRequest r, CancellationToken ct) =>
                (await RestockItem.HandleAsync(db, clock, id, r, ct)).ToApi())
            .Produces<CatalogueItemRow>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("增减库存（不会低于 0）");

        g.MapPost("/redemptions", async (LianxinDb db, DepositorCode codes, TimeProvider clock, PointsBankOptions options, RedeemRequest r, CancellationToken ct) =>
                (await RedeemAtTill.HandleAsync(db, codes, clock, options, r, ct)).ToApi())
            .Produces<RedemptionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("扫码兑换：冻结积分、预留库存（requestId 由终端生成，重试返回首次结果）");
        g.MapPost("/redemptions/{id:guid}/confirm", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await ConfirmRedemption.HandleAsync(db, clock, id, ct)).ToApi())
            .Produces<RedemptionView>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("确认兑换（交付商品）");
        g.MapPost("/redemptions/{id:guid}/void", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await VoidRedemption.HandleAsync(db, clock, id, ct)).ToApi())
            .Produces<RedemptionView>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("作废兑换（积分与库存退回）");

        g.MapPost("/deeds", async (LianxinDb db, OrgDirectory org, TimeProvider clock, GoodDeedInput r, CancellationToken ct) =>
                (await ProposeGoodDeed.HandleAsync(db, org, clock, r, ct)).ToApi())
            .Produces<GoodDeedRow>().ProducesValidationProblem().WithSummary("提出好人好事积分（须另一人审核）");
        g.MapPost("/deeds/{id:guid}/decision", async (LianxinDb db, TimeProvider clock, Guid id, DecideGoodDeedRequest r, CancellationToken ct) =>
                (await DecideGoodDeed.HandleAsync(db, clock, id, r, ct)).ToApi())
            .Produces<GoodDeedRow>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("审核好人好事积分（提出人不能审核）");
        g.MapPost("/transfers/{id:guid}/reverse", async (LianxinDb db, TimeProvider clock, Guid id, ReverseRequest r, CancellationToken ct) =>
                (await ReverseTransfer.HandleAsync(db, clock, id, r, ct)).ToApi())
            .Produces<TransferRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("冲正一笔积分获得记录（写明原因）");

        g.MapGet("/communities/{id:guid}", async (LianxinDb db, OrgDirectory org, PointsBankIndicators figures, PointsBankOptions options, TimeProvider clock,
                Guid id, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await GetBankOffice.HandleAsync(db, org, figures, options, id, from ?? clock.Today().AddDays(1 - clock.Today().Day), to ?? clock.Today(), ct)).ToApi())
            .Produces<BankOffice>().WithSummary("社区X贤银行：发放、兑换、余额，分商家");
        g.MapPut("/communities/{id:guid}/rates", async (LianxinDb db, OrgDirectory org, Guid id, EarnRateRequest r, CancellationToken ct) =>
                (await SetEarnRate.HandleAsync(db, org, id, r, ct)).ToApi())
            .Produces<EarnRateRow>().ProducesValidationProblem().WithSummary("设置某类志愿服务每小时积分");
        g.MapGet("/check", async (LianxinDb db, CancellationToken ct) => (await CheckLedger.HandleAsync(db, ct)).ToApi())
            .Produces<LedgerCheck>().WithSummary("账目核对：余额等于分录合计、合计为零、无负余额");

        app.MapGet("/api/v1/pointsbank/board/{communityId:guid}", async (LianxinDb db, OrgDirectory org, Guid communityId, CancellationToken ct) =>
                (await GetBoard.HandleAsync(db, org, communityId, ct)).ToApi())
            .AllowAnonymous().WithTags("PointsBank (public)").Produces<Board>().WithSummary("X贤榜（公开）");
    }
}
