-- 0021: 共驻共建 (CoBuilding): partner units stationed in streets and communities, and their seats on the 大工委 / 大党委.
CREATE TABLE "cob_committee_seats" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_committee_seats" PRIMARY KEY,
    "CommitteeUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "PartnerUnitId" TEXT NOT NULL,
    "PersonName" TEXT NOT NULL,
    "Post" TEXT NOT NULL,
    "TermFrom" TEXT NOT NULL,
    "TermTo" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_partner_units" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_partner_units" PRIMARY KEY,
    "StationedUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "PartyOrgName" TEXT NULL,
    "PartySecretary" TEXT NULL,
    "PartyMemberCount" INTEGER NOT NULL,
    "ContactName" TEXT NOT NULL,
    "ContactPhone" TEXT NOT NULL,
    "Instructor" TEXT NULL,
    "LiaisonUserId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_cob_committee_seats_TenantId_CommitteeUnitId_PartnerUnitId" ON "cob_committee_seats" ("TenantId", "CommitteeUnitId", "PartnerUnitId");
CREATE INDEX "IX_cob_committee_seats_TenantId_OrgPath" ON "cob_committee_seats" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_partner_units_TenantId_LiaisonUserId" ON "cob_partner_units" ("TenantId", "LiaisonUserId");
CREATE INDEX "IX_cob_partner_units_TenantId_OrgPath_Name" ON "cob_partner_units" ("TenantId", "OrgPath", "Name");
