-- 0039: a review round can score buildings (星级楼组) and their stars are kept per building; the yearly 五星支部 重点培养对象 list.
ALTER TABLE "rev_rounds" ADD COLUMN "Target" TEXT NOT NULL DEFAULT 'Units';
ALTER TABLE "rev_star_awards" ADD COLUMN "Target" TEXT NOT NULL DEFAULT 'Units';
CREATE TABLE "rev_cultivation_targets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_cultivation_targets" PRIMARY KEY,
    "Year" INTEGER NOT NULL,
    "UnitId" TEXT NOT NULL,
    "UnitName" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ListedByUnitId" TEXT NOT NULL,
    "ListedByName" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Responsible" TEXT NOT NULL,
    "AddedBy" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    "RemovalReason" TEXT NULL,
    "RemovedBy" TEXT NULL,
    "RemovedAt" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_rev_cultivation_targets_TenantId_OrgPath" ON "rev_cultivation_targets" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_cultivation_targets_TenantId_Year_UnitId" ON "rev_cultivation_targets" ("TenantId", "Year", "UnitId");
