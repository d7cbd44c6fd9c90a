-- Member imports as background jobs: progress, result and the rejects workbook, claimed by any instance.

CREATE TABLE mem_import_jobs (
    "Id" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "UserId" uuid NOT NULL,
    "UserName" character varying(60) NOT NULL,
    "GrantId" uuid,
    "FileName" character varying(200) NOT NULL,
    "State" character varying(40) NOT NULL,
    "TotalRows" integer NOT NULL,
    "ProcessedRows" integer NOT NULL,
    "Imported" integer NOT NULL,
    "Skipped" integer NOT NULL,
    "RejectedCount" integer NOT NULL,
    "Error" character varying(400),
    "RejectsJson" text,
    "File" bytea,
    "RejectsWorkbook" bytea,
    "CreatedAt" timestamp with time zone NOT NULL,
    "StartedAt" timestamp with time zone,
    "HeartbeatAt" timestamp with time zone,
    "FinishedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_import_jobs" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_mem_import_jobs_TenantId_OrgPath" ON mem_import_jobs ("TenantId", "OrgPath");

CREATE INDEX "IX_mem_import_jobs_TenantId_State" ON mem_import_jobs ("TenantId", "State");

-- One sign-in account is linked to at most one member.
DROP INDEX "IX_mem_members_TenantId_UserId";
CREATE UNIQUE INDEX "IX_mem_members_TenantId_UserId" ON mem_members ("TenantId", "UserId");
