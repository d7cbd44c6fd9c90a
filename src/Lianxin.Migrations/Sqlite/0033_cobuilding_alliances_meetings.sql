-- 0033: 共驻共建 (CoBuilding): 党建联盟 and their member units; 大工委 / 大党委 meetings with attendance by seat and decisions.
CREATE TABLE "cob_alliances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_alliances" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Theme" TEXT NOT NULL,
    "FoundedOn" TEXT NOT NULL,
    "LeadPartnerUnitId" TEXT NULL,
    "LeadOrgUnitId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_alliance_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_alliance_members" PRIMARY KEY,
    "AllianceId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "PartnerUnitId" TEXT NULL,
    "OrgUnitId" TEXT NULL,
    "JoinedOn" TEXT NOT NULL,
    "LeftOn" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_committee_meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_committee_meetings" PRIMARY KEY,
    "CommitteeUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Agenda" TEXT NOT NULL,
    "Minutes" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_committee_attendance" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_committee_attendance" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "SeatId" TEXT NOT NULL,
    "Present" INTEGER NOT NULL,
    "AbsenceReason" TEXT NULL,
    "Substitute" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_committee_decisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_committee_decisions" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "ProjectId" TEXT NULL,
    "ResponsiblePerson" TEXT NULL,
    "DueOn" TEXT NULL,
    "PledgedAt" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_cob_alliance_members_TenantId_AllianceId" ON "cob_alliance_members" ("TenantId", "AllianceId");
CREATE INDEX "IX_cob_alliance_members_TenantId_OrgPath" ON "cob_alliance_members" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_alliances_TenantId_OrgPath" ON "cob_alliances" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_committee_attendance_TenantId_MeetingId" ON "cob_committee_attendance" ("TenantId", "MeetingId");
CREATE INDEX "IX_cob_committee_attendance_TenantId_OrgPath" ON "cob_committee_attendance" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_committee_decisions_TenantId_MeetingId" ON "cob_committee_decisions" ("TenantId", "MeetingId");
CREATE INDEX "IX_cob_committee_decisions_TenantId_OrgPath" ON "cob_committee_decisions" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_committee_meetings_TenantId_CommitteeUnitId_HeldOn" ON "cob_committee_meetings" ("TenantId", "CommitteeUnitId", "HeldOn");
CREATE INDEX "IX_cob_committee_meetings_TenantId_OrgPath" ON "cob_committee_meetings" ("TenantId", "OrgPath");

-- A unit's 双报到 links to its partner-unit record: existing free-text names that match exactly one partner unit of the district are
-- linked; the others stay free text (shown as 未关联).
ALTER TABLE "mem_dual_reports" ADD "PartnerUnitId" TEXT NULL;
UPDATE "mem_dual_reports" SET "PartnerUnitId" = (
    SELECT p."Id" FROM "cob_partner_units" p WHERE p."TenantId" = "mem_dual_reports"."TenantId" AND p."Name" = trim("mem_dual_reports"."Name"))
WHERE "Kind" = 'Unit' AND "PartnerUnitId" IS NULL
  AND (SELECT COUNT(*) FROM "cob_partner_units" p WHERE p."TenantId" = "mem_dual_reports"."TenantId" AND p."Name" = trim("mem_dual_reports"."Name")) = 1;
