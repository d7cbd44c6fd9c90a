-- 0041: 党务工作 (PartyWork): branch committees and their terms (换届) with elections and reserve cadres; rectification of weak
-- branches (整顿提升): the district's criteria, the plans, their tasks and progress.
CREATE TABLE "pw_committee_seats" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_committee_seats" PRIMARY KEY,
    "CommitteeId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Post" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Votes" INTEGER NULL,
    "Seq" INTEGER NOT NULL,
    "FromOn" TEXT NOT NULL,
    "LeftOn" TEXT NULL,
    "LeftReason" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_committees" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_committees" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "TermStart" TEXT NOT NULL,
    "TermYears" INTEGER NOT NULL,
    "TermEndsOn" TEXT NOT NULL,
    "Current" INTEGER NOT NULL,
    "EndedOn" TEXT NULL,
    "ElectionId" TEXT NULL,
    "RemindedMonths" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_elections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_elections" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Meeting" TEXT NOT NULL,
    "Eligible" INTEGER NOT NULL,
    "Present" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "CommitteeId" TEXT NOT NULL,
    "ReplacedCommitteeId" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_rectification_progress" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_rectification_progress" PRIMARY KEY,
    "RectificationId" TEXT NOT NULL,
    "TaskId" TEXT NULL,
    "OrgPath" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "CompletesTask" INTEGER NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_rectification_tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_rectification_tasks" PRIMARY KEY,
    "RectificationId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_rectifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_rectifications" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ReasonCodes" TEXT NOT NULL,
    "ReasonNote" TEXT NULL,
    "Helper" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "ExitedOn" TEXT NULL,
    "ExitNote" TEXT NULL,
    "ExitBy" TEXT NULL,
    "OpenTasksAtExit" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_rectify_criteria" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_rectify_criteria" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Check" TEXT NOT NULL,
    "Threshold" REAL NULL,
    "Active" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_reserve_cadres" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_reserve_cadres" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "Female" INTEGER NOT NULL,
    "BirthYear" INTEGER NULL,
    "Education" TEXT NULL,
    "Track" TEXT NOT NULL,
    "Since" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_term_rules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_term_rules" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Years" INTEGER NOT NULL,
    "Basis" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_pw_committee_seats_TenantId_CommitteeId" ON "pw_committee_seats" ("TenantId", "CommitteeId");
CREATE INDEX "IX_pw_committee_seats_TenantId_OrgPath" ON "pw_committee_seats" ("TenantId", "OrgPath");
CREATE INDEX "IX_pw_committees_TenantId_Current_TermEndsOn" ON "pw_committees" ("TenantId", "Current", "TermEndsOn");
CREATE INDEX "IX_pw_committees_TenantId_OrgPath" ON "pw_committees" ("TenantId", "OrgPath");
CREATE INDEX "IX_pw_committees_TenantId_UnitId_Kind_TermStart" ON "pw_committees" ("TenantId", "UnitId", "Kind", "TermStart");
CREATE INDEX "IX_pw_elections_TenantId_OrgPath" ON "pw_elections" ("TenantId", "OrgPath");
CREATE INDEX "IX_pw_elections_TenantId_UnitId_HeldOn" ON "pw_elections" ("TenantId", "UnitId", "HeldOn");
CREATE INDEX "IX_pw_rectification_progress_TenantId_OrgPath" ON "pw_rectification_progress" ("TenantId", "OrgPath");
CREATE INDEX "IX_pw_rectification_progress_TenantId_RectificationId_On" ON "pw_rectification_progress" ("TenantId", "RectificationId", "On");
CREATE INDEX "IX_pw_rectification_tasks_TenantId_OrgPath" ON "pw_rectification_tasks" ("TenantId", "OrgPath");
CREATE INDEX "IX_pw_rectification_tasks_TenantId_RectificationId" ON "pw_rectification_tasks" ("TenantId", "RectificationId");
CREATE INDEX "IX_pw_rectifications_TenantId_OrgPath" ON "pw_rectifications" ("TenantId", "OrgPath");
CREATE INDEX "IX_pw_rectifications_TenantId_UnitId_State" ON "pw_rectifications" ("TenantId", "UnitId", "State");
CREATE UNIQUE INDEX "IX_pw_rectify_criteria_TenantId_Code" ON "pw_rectify_criteria" ("TenantId", "Code");
CREATE INDEX "IX_pw_reserve_cadres_TenantId_CommunityId" ON "pw_reserve_cadres" ("TenantId", "CommunityId");
CREATE INDEX "IX_pw_reserve_cadres_TenantId_OrgPath" ON "pw_reserve_cadres" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_pw_term_rules_TenantId_Kind" ON "pw_term_rules" ("TenantId", "Kind");
