-- 0036: the points bank's expiry notices (one per depositor account and expiry day), and a volunteering activity's cancellation.
CREATE TABLE "pb_expiry_notices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_expiry_notices" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "ExpiresOn" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_pb_expiry_notices_TenantId_AccountId_ExpiresOn" ON "pb_expiry_notices" ("TenantId", "AccountId", "ExpiresOn");
ALTER TABLE "vol_activities" ADD COLUMN "CancelledAt" TEXT NULL;
ALTER TABLE "vol_activities" ADD COLUMN "CancelReason" TEXT NULL;
