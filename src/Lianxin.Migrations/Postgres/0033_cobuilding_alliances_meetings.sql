-- 0033: 共驻共建 (CoBuilding): 党建联盟 and their member units; 大工委 / 大党委 meetings with attendance by seat and decisions.
CREATE TABLE cob_alliances (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Theme" character varying(500) NOT NULL,
    "FoundedOn" date NOT NULL,
    "LeadPartnerUnitId" uuid,
    "LeadOrgUnitId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_alliances" PRIMARY KEY ("Id")
);
CREATE TABLE cob_alliance_members (
    "Id" uuid NOT NULL,
    "AllianceId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "PartnerUnitId" uuid,
    "OrgUnitId" uuid,
    "JoinedOn" date NOT NULL,
    "LeftOn" date,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_alliance_members" PRIMARY KEY ("Id")
);
CREATE TABLE cob_committee_meetings (
    "Id" uuid NOT NULL,
    "CommitteeUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "HeldOn" date NOT NULL,
    "Place" character varying(100) NOT NULL,
    "Agenda" character varying(2000) NOT NULL,
    "Minutes" character varying(8000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_committee_meetings" PRIMARY KEY ("Id")
);
CREATE TABLE cob_committee_attendance (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "SeatId" uuid NOT NULL,
    "Present" boolean NOT NULL,
    "AbsenceReason" character varying(200),
    "Substitute" character varying(60),
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_committee_attendance" PRIMARY KEY ("Id")
);
CREATE TABLE cob_committee_decisions (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Number" integer NOT NULL,
    "Text" character varying(1000) NOT NULL,
    "ProjectId" uuid,
    "ResponsiblePerson" character varying(60),
    "DueOn" date,
    "PledgedAt" timestamp with time zone,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_committee_decisions" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_cob_alliance_members_TenantId_AllianceId" ON cob_alliance_members ("TenantId", "AllianceId");
CREATE INDEX "IX_cob_alliance_members_TenantId_OrgPath" ON cob_alliance_members ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_alliances_TenantId_OrgPath" ON cob_alliances ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_committee_attendance_TenantId_MeetingId" ON cob_committee_attendance ("TenantId", "MeetingId");
CREATE INDEX "IX_cob_committee_attendance_TenantId_OrgPath" ON cob_committee_attendance ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_committee_decisions_TenantId_MeetingId" ON cob_committee_decisions ("TenantId", "MeetingId");
CREATE INDEX "IX_cob_committee_decisions_TenantId_OrgPath" ON cob_committee_decisions ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_committee_meetings_TenantId_CommitteeUnitId_HeldOn" ON cob_committee_meetings ("TenantId", "CommitteeUnitId", "HeldOn");
CREATE INDEX "IX_cob_committee_meetings_TenantId_OrgPath" ON cob_committee_meetings ("TenantId", "OrgPath" varchar_pattern_ops);

-- A unit's 双报到 links to its partner-unit record: existing free-text names that match exactly one partner unit of the district are
-- linked; the others stay free text (shown as 未关联).
ALTER TABLE mem_dual_reports ADD "PartnerUnitId" uuid;
UPDATE mem_dual_reports SET "PartnerUnitId" = (
    SELECT p."Id" FROM cob_partner_units p WHERE p."TenantId" = mem_dual_reports."TenantId" AND p."Name" = trim(mem_dual_reports."Name"))
WHERE "Kind" = 'Unit' AND "PartnerUnitId" IS NULL
  AND (SELECT COUNT(*) FROM cob_partner_units p WHERE p."TenantId" = mem_dual_reports."TenantId" AND p."Name" = trim(mem_dual_reports."Name")) = 1;
