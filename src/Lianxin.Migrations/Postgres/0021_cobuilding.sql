-- 0021: 共驻共建 (CoBuilding): partner units stationed in streets and communities, and their seats on the 大工委 / 大党委.
CREATE TABLE cob_committee_seats (
    "Id" uuid NOT NULL,
    "CommitteeUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "PartnerUnitId" uuid NOT NULL,
    "PersonName" character varying(60) NOT NULL,
    "Post" character varying(60) NOT NULL,
    "TermFrom" date NOT NULL,
    "TermTo" date,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_committee_seats" PRIMARY KEY ("Id")
);
CREATE TABLE cob_partner_units (
    "Id" uuid NOT NULL,
    "StationedUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Address" character varying(200) NOT NULL,
    "PartyOrgName" character varying(100),
    "PartySecretary" character varying(60),
    "PartyMemberCount" integer NOT NULL,
    "ContactName" character varying(60) NOT NULL,
    "ContactPhone" character varying(20) NOT NULL,
    "Instructor" character varying(60),
    "LiaisonUserId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_partner_units" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_cob_committee_seats_TenantId_CommitteeUnitId_PartnerUnitId" ON cob_committee_seats ("TenantId", "CommitteeUnitId", "PartnerUnitId");
CREATE INDEX "IX_cob_committee_seats_TenantId_OrgPath" ON cob_committee_seats ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_partner_units_TenantId_LiaisonUserId" ON cob_partner_units ("TenantId", "LiaisonUserId");
CREATE INDEX "IX_cob_partner_units_TenantId_OrgPath_Name" ON cob_partner_units ("TenantId", "OrgPath" varchar_pattern_ops, "Name");
