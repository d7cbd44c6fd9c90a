-- 0030: Reviews: the street's 逐一点评 per unit of a round, with the unit's 汇报, 下步工作计划 and 表态 at the visit.
-- Pledges: a member's own pledge (党员承诺), submitted to the branch secretary, approved or returned with a reason.
CREATE TABLE rev_unit_remarks (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Report" character varying(2000),
    "NextSteps" character varying(2000),
    "Commitment" character varying(1000),
    "Comment" character varying(2000),
    "By" character varying(60) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_unit_remarks" PRIMARY KEY ("Id")
);
CREATE UNIQUE INDEX "IX_rev_unit_remarks_TenantId_RoundId_UnitId" ON rev_unit_remarks ("TenantId", "RoundId", "UnitId");
CREATE INDEX "IX_rev_unit_remarks_TenantId_OrgPath" ON rev_unit_remarks ("TenantId", "OrgPath" varchar_pattern_ops);

ALTER TABLE plg_pledges ADD COLUMN "MemberId" uuid;
ALTER TABLE plg_pledges ADD COLUMN "SubmittedBy" uuid;
ALTER TABLE plg_pledges ADD COLUMN "SubmittedAt" timestamp with time zone;
ALTER TABLE plg_pledges ADD COLUMN "DecidedBy" character varying(60);
ALTER TABLE plg_pledges ADD COLUMN "DecidedAt" timestamp with time zone;
ALTER TABLE plg_pledges ADD COLUMN "ReturnReason" character varying(500);
CREATE INDEX "IX_plg_pledges_TenantId_MemberId" ON plg_pledges ("TenantId", "MemberId");
