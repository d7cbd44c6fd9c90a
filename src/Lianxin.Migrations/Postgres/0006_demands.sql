-- 0006: demands (急难愁盼 · 吹哨报到) and pledges (我为群众办实事). Generated with `schema-script`, then kept by hand.
CREATE TABLE dem_categories (
    "Id" uuid NOT NULL,
    "StreetId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(40) NOT NULL,
    "DefaultLevel" character varying(40) NOT NULL,
    "ResponseHours" double precision NOT NULL,
    "ResolveDays" integer NOT NULL,
    "ServiceMode" character varying(40) NOT NULL,
    "SortOrder" integer NOT NULL,
    "Active" boolean NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_categories" PRIMARY KEY ("Id")
);

CREATE TABLE dem_demands (
    "Id" uuid NOT NULL,
    "TicketNo" character varying(20) NOT NULL,
    "CategoryId" uuid NOT NULL,
    "CategoryName" character varying(40) NOT NULL,
    "Description" character varying(2000) NOT NULL,
    "StreetId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "GridUnitId" uuid,
    "CompoundId" uuid,
    "Address" character varying(200),
    "ContactName" character varying(40) NOT NULL,
    "ContactPhone" character varying(20) NOT NULL,
    "PhoneTail" character varying(4) NOT NULL,
    "Source" character varying(40) NOT NULL,
    "ServiceMode" character varying(40) NOT NULL,
    "AppointmentAt" timestamp with time zone,
    "OrgPath" character varying(400) NOT NULL,
    "Level" character varying(40) NOT NULL,
    "HandlerUnitId" uuid NOT NULL,
    "HandlerPath" character varying(400) NOT NULL,
    "State" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LevelSince" timestamp with time zone NOT NULL,
    "ResponseDueAt" timestamp with time zone,
    "ResolveDueAt" timestamp with time zone,
    "FirstResponseAt" timestamp with time zone,
    "FirstResponseDueAt" timestamp with time zone,
    "ResolvedAt" timestamp with time zone,
    "ClosedAt" timestamp with time zone,
    "Overdue" boolean NOT NULL,
    "Outcome" character varying(2000),
    "Rating" character varying(40),
    "RatingNote" character varying(500),
    "ReopenCount" integer NOT NULL,
    "MergedIntoId" uuid,
    "IdempotencyKey" character varying(120),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_demands" PRIMARY KEY ("Id")
);

CREATE TABLE dem_dispatches (
    "Id" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "DepartmentId" uuid NOT NULL,
    "DepartmentName" character varying(100) NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "DemandPath" character varying(400) NOT NULL,
    "Request" character varying(2000) NOT NULL,
    "State" character varying(40) NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "AcceptedAt" timestamp with time zone,
    "ReportedAt" timestamp with time zone,
    "Report" character varying(2000),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_dispatches" PRIMARY KEY ("Id")
);

CREATE TABLE dem_job_leases (
    "Id" uuid NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Holder" character varying(100) NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_job_leases" PRIMARY KEY ("Id")
);

CREATE TABLE dem_photos (
    "Id" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ContentType" character varying(40) NOT NULL,
    "Size" integer NOT NULL,
    "Data" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_photos" PRIMARY KEY ("Id")
);

CREATE TABLE dem_steps (
    "Id" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Action" character varying(40) NOT NULL,
    "Level" character varying(40) NOT NULL,
    "UnitName" character varying(100) NOT NULL,
    "ActorId" uuid,
    "ActorName" character varying(100) NOT NULL,
    "Note" character varying(2000),
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_steps" PRIMARY KEY ("Id")
);

CREATE TABLE plg_demands (
    "Id" uuid NOT NULL,
    "PledgeId" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_plg_demands" PRIMARY KEY ("Id")
);

CREATE TABLE plg_pledges (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Description" character varying(2000),
    "Owner" character varying(40) NOT NULL,
    "ResponsiblePerson" character varying(60) NOT NULL,
    "ResponsibleUnit" character varying(100) NOT NULL,
    "StartOn" date NOT NULL,
    "DueOn" date NOT NULL,
    "Progress" integer NOT NULL,
    "State" character varying(40) NOT NULL,
    "DoneOn" date,
    "Confirmation" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_plg_pledges" PRIMARY KEY ("Id")
);

CREATE TABLE plg_tasks (
    "Id" uuid NOT NULL,
    "PledgeId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "DueOn" date NOT NULL,
    "DoneOn" date,
    "SortOrder" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_plg_tasks" PRIMARY KEY ("Id")
);

CREATE TABLE plg_updates (
    "Id" uuid NOT NULL,
    "PledgeId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "On" date NOT NULL,
    "Percent" integer NOT NULL,
    "Note" character varying(1000) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorName" character varying(100) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_plg_updates" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_dem_categories_TenantId_StreetId_Name" ON dem_categories ("TenantId", "StreetId", "Name");

CREATE UNIQUE INDEX "IX_dem_demands_TenantId_IdempotencyKey" ON dem_demands ("TenantId", "IdempotencyKey");

CREATE INDEX "IX_dem_demands_TenantId_OrgPath_CreatedAt" ON dem_demands ("TenantId", "OrgPath", "CreatedAt");

CREATE INDEX "IX_dem_demands_TenantId_State_ResolveDueAt" ON dem_demands ("TenantId", "State", "ResolveDueAt");

CREATE UNIQUE INDEX "IX_dem_demands_TenantId_TicketNo" ON dem_demands ("TenantId", "TicketNo");

CREATE INDEX "IX_dem_dispatches_TenantId_DemandId" ON dem_dispatches ("TenantId", "DemandId");

CREATE INDEX "IX_dem_dispatches_TenantId_OrgPath_State" ON dem_dispatches ("TenantId", "OrgPath", "State");

CREATE UNIQUE INDEX "IX_dem_job_leases_TenantId_Name" ON dem_job_leases ("TenantId", "Name");

CREATE INDEX "IX_dem_photos_TenantId_DemandId" ON dem_photos ("TenantId", "DemandId");

CREATE INDEX "IX_dem_steps_TenantId_DemandId_At" ON dem_steps ("TenantId", "DemandId", "At");

CREATE UNIQUE INDEX "IX_plg_demands_TenantId_PledgeId_DemandId" ON plg_demands ("TenantId", "PledgeId", "DemandId");

CREATE INDEX "IX_plg_pledges_TenantId_OrgPath_DueOn" ON plg_pledges ("TenantId", "OrgPath", "DueOn");

CREATE INDEX "IX_plg_tasks_TenantId_PledgeId" ON plg_tasks ("TenantId", "PledgeId");

CREATE INDEX "IX_plg_updates_TenantId_PledgeId_On" ON plg_updates ("TenantId", "PledgeId", "On");
