-- 0054: a scan the till refused (no stock, not enough points, no account), kept under its request id so that a retry of
-- the same scan answers the same refusal (RedeemRequest's promise).
CREATE TABLE "pb_refused_scans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_refused_scans" PRIMARY KEY,
    "MerchantId" TEXT NOT NULL,
    "ItemId" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "DepositorUserId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
