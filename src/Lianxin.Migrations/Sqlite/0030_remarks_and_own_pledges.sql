-- 0030: Reviews: the street's 逐一点评 per unit of a round, with the unit's 汇报, 下步工作计划 and 表态 at the visit.
-- Pledges: a member's own pledge (党员承诺), submitted to the branch secretary, approved or returned with a reason.
CREATE TABLE "rev_unit_remarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_unit_remarks" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Report" TEXT NULL,
    "NextSteps" TEXT NULL,
    "Commitment" TEXT NULL,
    "Comment" TEXT NULL,
    "By" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_rev_unit_remarks_TenantId_RoundId_UnitId" ON "rev_unit_remarks" ("TenantId", "RoundId", "UnitId");
CREATE INDEX "IX_rev_unit_remarks_TenantId_OrgPath" ON "rev_unit_remarks" ("TenantId", "OrgPath");

ALTER TABLE "plg_pledges" ADD COLUMN "MemberId" TEXT NULL;
ALTER TABLE "plg_pledges" ADD COLUMN "SubmittedBy" TEXT NULL;
ALTER TABLE "plg_pledges" ADD COLUMN "SubmittedAt" TEXT NULL;
ALTER TABLE "plg_pledges" ADD COLUMN "DecidedBy" TEXT NULL;
ALTER TABLE "plg_pledges" ADD COLUMN "DecidedAt" TEXT NULL;
ALTER TABLE "plg_pledges" ADD COLUMN "ReturnReason" TEXT NULL;
CREATE INDEX "IX_plg_pledges_TenantId_MemberId" ON "plg_pledges" ("TenantId", "MemberId");
