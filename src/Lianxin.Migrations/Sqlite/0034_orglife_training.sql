-- 0034: OrgLife training (sessions, records with sign-in, scores and 心得) and members' private calendar feeds
CREATE TABLE "olf_member_feeds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_member_feeds" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Token" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_training_records" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_training_records" PRIMARY KEY,
    "SessionId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "EnrolledAt" TEXT NOT NULL,
    "SignedInAt" TEXT NULL,
    "SignedInBy" TEXT NULL,
    "Score" INTEGER NULL,
    "Reflection" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "olf_training_sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_olf_training_sessions" PRIMARY KEY,
    "OrganiserId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "AudienceUnitId" TEXT NOT NULL,
    "AudiencePath" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Teacher" TEXT NULL,
    "Summary" TEXT NULL,
    "Cancelled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_olf_member_feeds_TenantId_MemberId" ON "olf_member_feeds" ("TenantId", "MemberId");
CREATE INDEX "IX_olf_member_feeds_TenantId_OrgPath" ON "olf_member_feeds" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_olf_member_feeds_TenantId_Token" ON "olf_member_feeds" ("TenantId", "Token");
CREATE INDEX "IX_olf_training_records_TenantId_MemberId_HeldOn" ON "olf_training_records" ("TenantId", "MemberId", "HeldOn");
CREATE INDEX "IX_olf_training_records_TenantId_OrgPath" ON "olf_training_records" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_olf_training_records_TenantId_SessionId_MemberId" ON "olf_training_records" ("TenantId", "SessionId", "MemberId");
CREATE INDEX "IX_olf_training_sessions_TenantId_HeldOn" ON "olf_training_sessions" ("TenantId", "HeldOn");
CREATE INDEX "IX_olf_training_sessions_TenantId_OrgPath" ON "olf_training_sessions" ("TenantId", "OrgPath");
