-- 0035: 日走访 (household visits), 周调度 (weekly dispatch meetings and their action items), yearly meeting plans with reminders;
-- a demand keeps the record it was raised from (SourceRecordId: the household visit).
CREATE TABLE "olf_visits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_visits" PRIMARY KEY,
    "HouseholdId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "VisitedOn" TEXT NOT NULL,
    "VisitorUserId" TEXT NOT NULL,
    "VisitorName" TEXT NOT NULL,
    "Findings" TEXT NOT NULL,
    "NeedsFollowUp" INTEGER NOT NULL,
    "FollowUp" TEXT NULL,
    "DemandId" TEXT NULL,
    "DemandTicket" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_dispatch_meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_dispatch_meetings" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "AgendaJson" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_dispatch_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_dispatch_items" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Owner" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "SourceRef" TEXT NULL,
    "State" TEXT NOT NULL,
    "ClosedOn" TEXT NULL,
    "ClosedNote" TEXT NULL,
    "CarriedFromId" TEXT NULL,
    "Weeks" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_plans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_plans" PRIMARY KEY,
    "BranchId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "RemindDaysAhead" INTEGER NOT NULL,
    "PartyDayOfMonth" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_planned_meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_planned_meetings" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "BranchId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PlannedOn" TEXT NOT NULL,
    "Topic" TEXT NULL,
    "RemindedAt" TEXT NULL,
    "OverdueNoticeAt" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_olf_visits_TenantId_HouseholdId_VisitedOn" ON "olf_visits" ("TenantId", "HouseholdId", "VisitedOn");
CREATE INDEX "IX_olf_visits_TenantId_OrgPath" ON "olf_visits" ("TenantId", "OrgPath");
CREATE INDEX "IX_olf_visits_TenantId_VisitedOn" ON "olf_visits" ("TenantId", "VisitedOn");
CREATE UNIQUE INDEX "IX_olf_dispatch_meetings_TenantId_CommunityId_HeldOn" ON "olf_dispatch_meetings" ("TenantId", "CommunityId", "HeldOn");
CREATE INDEX "IX_olf_dispatch_meetings_TenantId_OrgPath" ON "olf_dispatch_meetings" ("TenantId", "OrgPath");
CREATE INDEX "IX_olf_dispatch_items_TenantId_MeetingId_Seq" ON "olf_dispatch_items" ("TenantId", "MeetingId", "Seq");
CREATE INDEX "IX_olf_dispatch_items_TenantId_OrgPath" ON "olf_dispatch_items" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_olf_plans_TenantId_BranchId_Year" ON "olf_plans" ("TenantId", "BranchId", "Year");
CREATE INDEX "IX_olf_plans_TenantId_OrgPath" ON "olf_plans" ("TenantId", "OrgPath");
CREATE INDEX "IX_olf_planned_meetings_TenantId_OrgPath" ON "olf_planned_meetings" ("TenantId", "OrgPath");
CREATE INDEX "IX_olf_planned_meetings_TenantId_PlanId_PlannedOn" ON "olf_planned_meetings" ("TenantId", "PlanId", "PlannedOn");
CREATE INDEX "IX_olf_planned_meetings_TenantId_PlannedOn" ON "olf_planned_meetings" ("TenantId", "PlannedOn");
ALTER TABLE "dem_demands" ADD "SourceRecordId" TEXT NULL;
