-- 0006: demands (急难愁盼 · 吹哨报到) and pledges (我为群众办实事). Generated with `schema-script`, then kept by hand.
CREATE TABLE "dem_categories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_categories" PRIMARY KEY,
    "StreetId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DefaultLevel" TEXT NOT NULL,
    "ResponseHours" REAL NOT NULL,
    "ResolveDays" INTEGER NOT NULL,
    "ServiceMode" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "dem_demands" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_demands" PRIMARY KEY,
    "TicketNo" TEXT NOT NULL,
    "CategoryId" TEXT NOT NULL,
    "CategoryName" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "StreetId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "GridUnitId" TEXT NULL,
    "CompoundId" TEXT NULL,
    "Address" TEXT NULL,
    "ContactName" TEXT NOT NULL,
    "ContactPhone" TEXT NOT NULL,
    "PhoneTail" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "ServiceMode" TEXT NOT NULL,
    "AppointmentAt" TEXT NULL,
    "OrgPath" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "HandlerUnitId" TEXT NOT NULL,
    "HandlerPath" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LevelSince" TEXT NOT NULL,
    "ResponseDueAt" TEXT NULL,
    "ResolveDueAt" TEXT NULL,
    "FirstResponseAt" TEXT NULL,
    "FirstResponseDueAt" TEXT NULL,
    "ResolvedAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Overdue" INTEGER NOT NULL,
    "Outcome" TEXT NULL,
    "Rating" TEXT NULL,
    "RatingNote" TEXT NULL,
    "ReopenCount" INTEGER NOT NULL,
    "MergedIntoId" TEXT NULL,
    "IdempotencyKey" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "dem_dispatches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_dispatches" PRIMARY KEY,
    "DemandId" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "DepartmentName" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "DemandPath" TEXT NOT NULL,
    "Request" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "AcceptedAt" TEXT NULL,
    "ReportedAt" TEXT NULL,
    "Report" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "dem_job_leases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_job_leases" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Holder" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "dem_photos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_photos" PRIMARY KEY,
    "DemandId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "dem_steps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_steps" PRIMARY KEY,
    "DemandId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "UnitName" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Note" TEXT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "plg_demands" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plg_demands" PRIMARY KEY,
    "PledgeId" TEXT NOT NULL,
    "DemandId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "plg_pledges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plg_pledges" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Owner" TEXT NOT NULL,
    "ResponsiblePerson" TEXT NOT NULL,
    "ResponsibleUnit" TEXT NOT NULL,
    "StartOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "Confirmation" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "plg_tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plg_tasks" PRIMARY KEY,
    "PledgeId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "plg_updates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plg_updates" PRIMARY KEY,
    "PledgeId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Percent" INTEGER NOT NULL,
    "Note" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_dem_categories_TenantId_StreetId_Name" ON "dem_categories" ("TenantId", "StreetId", "Name");

CREATE UNIQUE INDEX "IX_dem_demands_TenantId_IdempotencyKey" ON "dem_demands" ("TenantId", "IdempotencyKey");

CREATE INDEX "IX_dem_demands_TenantId_OrgPath_CreatedAt" ON "dem_demands" ("TenantId", "OrgPath", "CreatedAt");

CREATE INDEX "IX_dem_demands_TenantId_State_ResolveDueAt" ON "dem_demands" ("TenantId", "State", "ResolveDueAt");

CREATE UNIQUE INDEX "IX_dem_demands_TenantId_TicketNo" ON "dem_demands" ("TenantId", "TicketNo");

CREATE INDEX "IX_dem_dispatches_TenantId_DemandId" ON "dem_dispatches" ("TenantId", "DemandId");

CREATE INDEX "IX_dem_dispatches_TenantId_OrgPath_State" ON "dem_dispatches" ("TenantId", "OrgPath", "State");

CREATE UNIQUE INDEX "IX_dem_job_leases_TenantId_Name" ON "dem_job_leases" ("TenantId", "Name");

CREATE INDEX "IX_dem_photos_TenantId_DemandId" ON "dem_photos" ("TenantId", "DemandId");

CREATE INDEX "IX_dem_steps_TenantId_DemandId_At" ON "dem_steps" ("TenantId", "DemandId", "At");

CREATE UNIQUE INDEX "IX_plg_demands_TenantId_PledgeId_DemandId" ON "plg_demands" ("TenantId", "PledgeId", "DemandId");

CREATE INDEX "IX_plg_pledges_TenantId_OrgPath_DueOn" ON "plg_pledges" ("TenantId", "OrgPath", "DueOn");

CREATE INDEX "IX_plg_tasks_TenantId_PledgeId" ON "plg_tasks" ("TenantId", "PledgeId");

CREATE INDEX "IX_plg_updates_TenantId_PledgeId_On" ON "plg_updates" ("TenantId", "PledgeId", "On");
