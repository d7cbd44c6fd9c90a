-- 0035: 日走访 (household visits), 周调度 (weekly dispatch meetings and their action items), yearly meeting plans with reminders;
-- a demand keeps the record it was raised from (SourceRecordId: the household visit).
CREATE TABLE olf_visits (
    "Id" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Address" character varying(200) NOT NULL,
    "VisitedOn" date NOT NULL,
    "VisitorUserId" uuid NOT NULL,
    "VisitorName" character varying(100) NOT NULL,
    "Findings" character varying(1000) NOT NULL,
    "NeedsFollowUp" boolean NOT NULL,
    "FollowUp" character varying(500),
    "DemandId" uuid,
    "DemandTicket" character varying(20),
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_visits" PRIMARY KEY ("Id")
);
CREATE TABLE olf_dispatch_meetings (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "HeldOn" date NOT NULL,
    "Notes" character varying(2000),
    "AgendaJson" character varying(20000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(256) NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_dispatch_meetings" PRIMARY KEY ("Id")
);
CREATE TABLE olf_dispatch_items (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Seq" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Owner" character varying(60) NOT NULL,
    "DueOn" date NOT NULL,
    "SourceRef" character varying(100),
    "State" character varying(40) NOT NULL,
    "ClosedOn" date,
    "ClosedNote" character varying(500),
    "CarriedFromId" uuid,
    "Weeks" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_dispatch_items" PRIMARY KEY ("Id")
);
CREATE TABLE olf_plans (
    "Id" uuid NOT NULL,
    "BranchId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Year" integer NOT NULL,
    "RemindDaysAhead" integer NOT NULL,
    "PartyDayOfMonth" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_plans" PRIMARY KEY ("Id")
);
CREATE TABLE olf_planned_meetings (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "BranchId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "PlannedOn" date NOT NULL,
    "Topic" character varying(200),
    "RemindedAt" timestamp with time zone,
    "OverdueNoticeAt" timestamp with time zone,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_planned_meetings" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_olf_visits_TenantId_HouseholdId_VisitedOn" ON olf_visits ("TenantId", "HouseholdId", "VisitedOn");
CREATE INDEX "IX_olf_visits_TenantId_OrgPath" ON olf_visits ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_olf_visits_TenantId_VisitedOn" ON olf_visits ("TenantId", "VisitedOn");
CREATE UNIQUE INDEX "IX_olf_dispatch_meetings_TenantId_CommunityId_HeldOn" ON olf_dispatch_meetings ("TenantId", "CommunityId", "HeldOn");
CREATE INDEX "IX_olf_dispatch_meetings_TenantId_OrgPath" ON olf_dispatch_meetings ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_olf_dispatch_items_TenantId_MeetingId_Seq" ON olf_dispatch_items ("TenantId", "MeetingId", "Seq");
CREATE INDEX "IX_olf_dispatch_items_TenantId_OrgPath" ON olf_dispatch_items ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_olf_plans_TenantId_BranchId_Year" ON olf_plans ("TenantId", "BranchId", "Year");
CREATE INDEX "IX_olf_plans_TenantId_OrgPath" ON olf_plans ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_olf_planned_meetings_TenantId_OrgPath" ON olf_planned_meetings ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_olf_planned_meetings_TenantId_PlanId_PlannedOn" ON olf_planned_meetings ("TenantId", "PlanId", "PlannedOn");
CREATE INDEX "IX_olf_planned_meetings_TenantId_PlannedOn" ON olf_planned_meetings ("TenantId", "PlannedOn");
ALTER TABLE dem_demands ADD "SourceRecordId" uuid NULL;
