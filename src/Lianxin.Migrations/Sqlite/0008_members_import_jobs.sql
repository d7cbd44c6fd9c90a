-- Member imports as background jobs: progress, result and the rejects workbook, claimed by any instance.

CREATE TABLE "mem_import_jobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_import_jobs" PRIMARY KEY,
    "OrgPath" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "GrantId" TEXT NULL,
    "FileName" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "TotalRows" INTEGER NOT NULL,
    "ProcessedRows" INTEGER NOT NULL,
    "Imported" INTEGER NOT NULL,
    "Skipped" INTEGER NOT NULL,
    "RejectedCount" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "RejectsJson" TEXT NULL,
    "File" BLOB NULL,
    "RejectsWorkbook" BLOB NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "HeartbeatAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE INDEX "IX_mem_import_jobs_TenantId_OrgPath" ON "mem_import_jobs" ("TenantId", "OrgPath");

CREATE INDEX "IX_mem_import_jobs_TenantId_State" ON "mem_import_jobs" ("TenantId", "State");

-- One sign-in account is linked to at most one member.
DROP INDEX "IX_mem_members_TenantId_UserId";
CREATE UNIQUE INDEX "IX_mem_members_TenantId_UserId" ON "mem_members" ("TenantId", "UserId");
