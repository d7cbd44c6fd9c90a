-- 0042: 流动党员 (Members): spans of working away with the mobile-member branch; 发展党员 (PartyWork): an application filed by a
-- signed-in resident keeps their account, one started from a demand keeps the demand.
CREATE TABLE "mem_mobile_memberships" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_mobile_memberships" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "Workplace" TEXT NULL,
    "MobileBranchId" TEXT NOT NULL,
    "MobileBranchPath" TEXT NOT NULL,
    "ContactPhoneCipher" TEXT NULL,
    "OnlineMeetings" INTEGER NOT NULL,
    "Reports" INTEGER NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "EndReason" TEXT NULL,
    "PreviousEmployment" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_mem_mobile_memberships_TenantId_MemberId" ON "mem_mobile_memberships" ("TenantId", "MemberId");
CREATE INDEX "IX_mem_mobile_memberships_TenantId_MobileBranchPath" ON "mem_mobile_memberships" ("TenantId", "MobileBranchPath");
CREATE INDEX "IX_mem_mobile_memberships_TenantId_OrgPath" ON "mem_mobile_memberships" ("TenantId", "OrgPath");

ALTER TABLE "pw_recruits" ADD "UserId" TEXT NULL;
ALTER TABLE "pw_recruits" ADD "DemandId" TEXT NULL;
CREATE INDEX "IX_pw_recruits_TenantId_UserId" ON "pw_recruits" ("TenantId", "UserId");
