-- 0028: 党务工作 (PartyWork): the recruiting pipeline (发展党员): the district's step list, the people in it and the steps they took.
CREATE TABLE "pw_recruit_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_recruit_entries" PRIMARY KEY,
    "RecruitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "StepCode" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_recruit_steps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_recruit_steps" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "AfterCode" TEXT NULL,
    "MinMonths" INTEGER NOT NULL,
    "DueMonths" INTEGER NULL,
    "RuleName" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pw_recruits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pw_recruits" PRIMARY KEY,
    "BranchId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Female" INTEGER NOT NULL,
    "BirthDate" TEXT NOT NULL,
    "IdNumberCipher" TEXT NOT NULL,
    "IdNumberHash" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Source" TEXT NULL,
    "Contacts" TEXT NULL,
    "StepCode" TEXT NOT NULL,
    "StepOn" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "NextCode" TEXT NULL,
    "NextDueOn" TEXT NULL,
    "RemindedCode" TEXT NULL,
    "ExtendedMonths" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_pw_recruit_entries_TenantId_OrgPath" ON "pw_recruit_entries" ("TenantId", "OrgPath");
CREATE INDEX "IX_pw_recruit_entries_TenantId_RecruitId_On" ON "pw_recruit_entries" ("TenantId", "RecruitId", "On");
CREATE UNIQUE INDEX "IX_pw_recruit_steps_TenantId_Code" ON "pw_recruit_steps" ("TenantId", "Code");
CREATE INDEX "IX_pw_recruits_TenantId_IdNumberHash" ON "pw_recruits" ("TenantId", "IdNumberHash");
CREATE INDEX "IX_pw_recruits_TenantId_OrgPath" ON "pw_recruits" ("TenantId", "OrgPath");
CREATE INDEX "IX_pw_recruits_TenantId_State_NextDueOn" ON "pw_recruits" ("TenantId", "State", "NextDueOn");
