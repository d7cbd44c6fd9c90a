-- 0023: 组织生活 (OrgLife): branches' meetings and attendance, the district's rules and settings, and the calendar feeds.
CREATE TABLE "olf_attendance" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_attendance" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_feeds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_feeds" PRIMARY KEY,
    "BranchId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Token" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_meetings" PRIMARY KEY,
    "BranchId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Mode" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Host" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "Agenda" TEXT NULL,
    "Minutes" TEXT NULL,
    "Decisions" TEXT NULL,
    "PartyDayItems" TEXT NULL,
    "PartyDayExtras" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CancelReason" TEXT NULL,
    "LateEntry" INTEGER NOT NULL,
    "LateApprovedAt" TEXT NULL,
    "LateApprovedBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_rules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_rules" PRIMARY KEY,
    "UnitKind" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PeriodMonths" INTEGER NOT NULL,
    "MinCount" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_settings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_settings" PRIMARY KEY,
    "LateEntryDays" INTEGER NOT NULL,
    "PartyDayItems" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_olf_attendance_TenantId_MeetingId_MemberId" ON "olf_attendance" ("TenantId", "MeetingId", "MemberId");
CREATE INDEX "IX_olf_attendance_TenantId_MemberId_HeldOn" ON "olf_attendance" ("TenantId", "MemberId", "HeldOn");
CREATE INDEX "IX_olf_attendance_TenantId_OrgPath" ON "olf_attendance" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_olf_feeds_TenantId_BranchId" ON "olf_feeds" ("TenantId", "BranchId");
CREATE INDEX "IX_olf_feeds_TenantId_OrgPath" ON "olf_feeds" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_olf_feeds_TenantId_Token" ON "olf_feeds" ("TenantId", "Token");
CREATE INDEX "IX_olf_meetings_TenantId_BranchId_StartsAt" ON "olf_meetings" ("TenantId", "BranchId", "StartsAt");
CREATE INDEX "IX_olf_meetings_TenantId_HeldOn" ON "olf_meetings" ("TenantId", "HeldOn");
CREATE INDEX "IX_olf_meetings_TenantId_OrgPath" ON "olf_meetings" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_olf_rules_TenantId_UnitKind_Kind" ON "olf_rules" ("TenantId", "UnitKind", "Kind");
CREATE UNIQUE INDEX "IX_olf_settings_TenantId" ON "olf_settings" ("TenantId");
