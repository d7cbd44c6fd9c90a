-- 0043: special campaigns (专项行动): campaigns with their checklist and places, inspections and answers, findings and rectification tasks
CREATE TABLE cmp_answers (
    "Id" uuid NOT NULL,
    "InspectionId" uuid NOT NULL,
    "ItemId" uuid NOT NULL,
    "Result" character varying(40) NOT NULL,
    "Note" character varying(500),
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cmp_answers" PRIMARY KEY ("Id")
);

CREATE TABLE cmp_campaigns (
    "Id" uuid NOT NULL,
    "StreetId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Description" character varying(2000),
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "RectifyDays" integer NOT NULL,
    "State" character varying(40) NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "StartedAt" timestamp with time zone,
    "ClosedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cmp_campaigns" PRIMARY KEY ("Id")
);

CREATE TABLE cmp_checklist_items (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "SortOrder" integer NOT NULL,
    "Text" character varying(200) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cmp_checklist_items" PRIMARY KEY ("Id")
);

CREATE TABLE cmp_findings (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "InspectionId" uuid NOT NULL,
    "PlaceId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ItemId" uuid,
    "Text" character varying(1000) NOT NULL,
    "Severity" character varying(40) NOT NULL,
    "InspectorUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DemandRaisedAt" timestamp with time zone,
    "PledgeRaisedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cmp_findings" PRIMARY KEY ("Id")
);

CREATE TABLE cmp_inspections (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "PlaceId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "InspectedOn" date NOT NULL,
    "InspectorUserId" uuid NOT NULL,
    "InspectorName" character varying(100) NOT NULL,
    "Note" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cmp_inspections" PRIMARY KEY ("Id")
);

CREATE TABLE cmp_places (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "CompoundId" uuid NOT NULL,
    "BuildingId" uuid,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cmp_places" PRIMARY KEY ("Id")
);

CREATE TABLE cmp_tasks (
    "Id" uuid NOT NULL,
    "FindingId" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ResponsibleUnit" character varying(100),
    "PartnerUnitId" uuid,
    "DueOn" date NOT NULL,
    "State" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DoneNote" character varying(1000),
    "DoneBy" character varying(100),
    "DoneAt" timestamp with time zone,
    "VerifiedBy" character varying(100),
    "VerifiedAt" timestamp with time zone,
    "ReturnNote" character varying(500),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cmp_tasks" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_cmp_answers_TenantId_InspectionId" ON cmp_answers ("TenantId", "InspectionId");

CREATE INDEX "IX_cmp_campaigns_TenantId_OrgPath_StartsOn" ON cmp_campaigns ("TenantId", "OrgPath" varchar_pattern_ops, "StartsOn");

CREATE INDEX "IX_cmp_checklist_items_TenantId_CampaignId_SortOrder" ON cmp_checklist_items ("TenantId", "CampaignId", "SortOrder");

CREATE INDEX "IX_cmp_findings_TenantId_CampaignId" ON cmp_findings ("TenantId", "CampaignId");

CREATE INDEX "IX_cmp_findings_TenantId_InspectionId" ON cmp_findings ("TenantId", "InspectionId");

CREATE INDEX "IX_cmp_findings_TenantId_OrgPath_CreatedAt" ON cmp_findings ("TenantId", "OrgPath" varchar_pattern_ops, "CreatedAt");

CREATE INDEX "IX_cmp_inspections_TenantId_CampaignId_PlaceId" ON cmp_inspections ("TenantId", "CampaignId", "PlaceId");

CREATE INDEX "IX_cmp_inspections_TenantId_OrgPath_InspectedOn" ON cmp_inspections ("TenantId", "OrgPath" varchar_pattern_ops, "InspectedOn");

CREATE INDEX "IX_cmp_places_TenantId_CampaignId" ON cmp_places ("TenantId", "CampaignId");

CREATE INDEX "IX_cmp_places_TenantId_OrgPath" ON cmp_places ("TenantId", "OrgPath" varchar_pattern_ops);

CREATE INDEX "IX_cmp_tasks_TenantId_CampaignId" ON cmp_tasks ("TenantId", "CampaignId");

CREATE UNIQUE INDEX "IX_cmp_tasks_TenantId_FindingId" ON cmp_tasks ("TenantId", "FindingId");

CREATE INDEX "IX_cmp_tasks_TenantId_OrgPath_DueOn" ON cmp_tasks ("TenantId", "OrgPath" varchar_pattern_ops, "DueOn");
