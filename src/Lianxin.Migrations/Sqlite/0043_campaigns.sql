-- 0043: special campaigns (专项行动): campaigns with their checklist and places, inspections and answers, findings and rectification tasks
CREATE TABLE "cmp_answers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cmp_answers" PRIMARY KEY,
    "InspectionId" TEXT NOT NULL,
    "ItemId" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "Note" TEXT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "cmp_campaigns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cmp_campaigns" PRIMARY KEY,
    "StreetId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Description" TEXT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "RectifyDays" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "cmp_checklist_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cmp_checklist_items" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "cmp_findings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cmp_findings" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "InspectionId" TEXT NOT NULL,
    "PlaceId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ItemId" TEXT NULL,
    "Text" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "InspectorUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DemandRaisedAt" TEXT NULL,
    "PledgeRaisedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "cmp_inspections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cmp_inspections" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "PlaceId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "InspectedOn" TEXT NOT NULL,
    "InspectorUserId" TEXT NOT NULL,
    "InspectorName" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "cmp_places" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cmp_places" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "CompoundId" TEXT NOT NULL,
    "BuildingId" TEXT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "cmp_tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cmp_tasks" PRIMARY KEY,
    "FindingId" TEXT NOT NULL,
    "CampaignId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ResponsibleUnit" TEXT NULL,
    "PartnerUnitId" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DoneNote" TEXT NULL,
    "DoneBy" TEXT NULL,
    "DoneAt" TEXT NULL,
    "VerifiedBy" TEXT NULL,
    "VerifiedAt" TEXT NULL,
    "ReturnNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE INDEX "IX_cmp_answers_TenantId_InspectionId" ON "cmp_answers" ("TenantId", "InspectionId");

CREATE INDEX "IX_cmp_campaigns_TenantId_OrgPath_StartsOn" ON "cmp_campaigns" ("TenantId", "OrgPath", "StartsOn");

CREATE INDEX "IX_cmp_checklist_items_TenantId_CampaignId_SortOrder" ON "cmp_checklist_items" ("TenantId", "CampaignId", "SortOrder");

CREATE INDEX "IX_cmp_findings_TenantId_CampaignId" ON "cmp_findings" ("TenantId", "CampaignId");

CREATE INDEX "IX_cmp_findings_TenantId_InspectionId" ON "cmp_findings" ("TenantId", "InspectionId");

CREATE INDEX "IX_cmp_findings_TenantId_OrgPath_CreatedAt" ON "cmp_findings" ("TenantId", "OrgPath", "CreatedAt");

CREATE INDEX "IX_cmp_inspections_TenantId_CampaignId_PlaceId" ON "cmp_inspections" ("TenantId", "CampaignId", "PlaceId");

CREATE INDEX "IX_cmp_inspections_TenantId_OrgPath_InspectedOn" ON "cmp_inspections" ("TenantId", "OrgPath", "InspectedOn");

CREATE INDEX "IX_cmp_places_TenantId_CampaignId" ON "cmp_places" ("TenantId", "CampaignId");

CREATE INDEX "IX_cmp_places_TenantId_OrgPath" ON "cmp_places" ("TenantId", "OrgPath");

CREATE INDEX "IX_cmp_tasks_TenantId_CampaignId" ON "cmp_tasks" ("TenantId", "CampaignId");

CREATE UNIQUE INDEX "IX_cmp_tasks_TenantId_FindingId" ON "cmp_tasks" ("TenantId", "FindingId");

CREATE INDEX "IX_cmp_tasks_TenantId_OrgPath_DueOn" ON "cmp_tasks" ("TenantId", "OrgPath", "DueOn");
