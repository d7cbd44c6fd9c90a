-- 0042: 流动党员 (Members): spans of working away with the mobile-member branch; 发展党员 (PartyWork): an application filed by a
-- signed-in resident keeps their account, one started from a demand keeps the demand.
CREATE TABLE mem_mobile_memberships (
    "Id" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(60) NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "City" character varying(60) NOT NULL,
    "Workplace" character varying(100),
    "MobileBranchId" uuid NOT NULL,
    "MobileBranchPath" character varying(400) NOT NULL,
    "ContactPhoneCipher" character varying(120),
    "OnlineMeetings" boolean NOT NULL,
    "Reports" boolean NOT NULL,
    "StartedOn" date NOT NULL,
    "EndedOn" date,
    "EndReason" character varying(200),
    "PreviousEmployment" character varying(40) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(60) NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_mobile_memberships" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_mem_mobile_memberships_TenantId_MemberId" ON mem_mobile_memberships ("TenantId", "MemberId");
CREATE INDEX "IX_mem_mobile_memberships_TenantId_MobileBranchPath" ON mem_mobile_memberships ("TenantId", "MobileBranchPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_mobile_memberships_TenantId_OrgPath" ON mem_mobile_memberships ("TenantId", "OrgPath" varchar_pattern_ops);

ALTER TABLE pw_recruits ADD "UserId" uuid;
ALTER TABLE pw_recruits ADD "DemandId" uuid;
CREATE INDEX "IX_pw_recruits_TenantId_UserId" ON pw_recruits ("TenantId", "UserId");
