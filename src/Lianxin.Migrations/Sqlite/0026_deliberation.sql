-- 0026: 三级议事 (Deliberation: motions and council meetings, owners' committees, red-committee rules, property arrangements, conventions)
-- and 矛盾调解 (Mediation: cases, encrypted parties, teams, sessions).
CREATE TABLE "dlb_convention_versions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dlb_convention_versions" PRIMARY KEY,
    "ConventionId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    "AdoptedOn" TEXT NOT NULL,
    "AdoptedBy" TEXT NOT NULL,
    "ChangeNote" TEXT NULL,
    "EditedBy" TEXT NOT NULL,
    "EditedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "dlb_conventions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dlb_conventions" PRIMARY KEY,
    "CompoundId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "CurrentNumber" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "dlb_meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dlb_meetings" PRIMARY KEY,
    "MotionId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Host" TEXT NOT NULL,
    "Participants" TEXT NOT NULL,
    "ParticipantCount" INTEGER NOT NULL,
    "Positions" TEXT NOT NULL,
    "Mode" TEXT NOT NULL,
    "VotesFor" INTEGER NULL,
    "VotesAgainst" INTEGER NULL,
    "VotesAbstain" INTEGER NULL,
    "Result" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "dlb_motions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dlb_motions" PRIMARY KEY,
    "CompoundId" TEXT NOT NULL,
    "CompoundName" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "StreetId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "HandlerUnitId" TEXT NOT NULL,
    "HandlerPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "ProposerName" TEXT NULL,
    "RaisedByUserId" TEXT NULL,
    "DemandId" TEXT NULL,
    "DemandTicket" TEXT NULL,
    "State" TEXT NOT NULL,
    "RaisedAt" TEXT NOT NULL,
    "LevelSince" TEXT NOT NULL,
    "SettledAt" TEXT NULL,
    "SettledLevel" TEXT NULL,
    "DaysToSettle" REAL NULL,
    "Outcome" TEXT NULL,
    "ToPledge" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "dlb_owners_committee_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dlb_owners_committee_members" PRIMARY KEY,
    "CommitteeId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Post" TEXT NOT NULL,
    "IsPartyMember" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "dlb_owners_committees" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dlb_owners_committees" PRIMARY KEY,
    "CompoundId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "TermFrom" TEXT NOT NULL,
    "TermTo" TEXT NOT NULL,
    "LedByBranch" INTEGER NOT NULL,
    "LeadingBranch" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "dlb_property_arrangements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dlb_property_arrangements" PRIMARY KEY,
    "CompoundId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Provider" TEXT NULL,
    "LeadBranch" TEXT NULL,
    "ServiceBody" TEXT NULL,
    "Parties" TEXT NULL,
    "Since" TEXT NOT NULL,
    "Note" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "dlb_red_committee_rules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dlb_red_committee_rules" PRIMARY KEY,
    "StreetId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "MinPartyPercent" INTEGER NOT NULL,
    "RequireBranchLead" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "med_cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_med_cases" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "CaseNo" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "OpenedOn" TEXT NOT NULL,
    "ClosedOn" TEXT NULL,
    "OutcomeNote" TEXT NULL,
    "FollowUpDue" TEXT NULL,
    "FollowedUpOn" TEXT NULL,
    "FollowUpNote" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "med_parties" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_med_parties" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Side" TEXT NOT NULL,
    "NameCipher" TEXT NOT NULL,
    "PhoneCipher" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "med_sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_med_sessions" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Notes" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "med_team_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_med_team_members" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Duty" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_dlb_convention_versions_TenantId_OrgPath" ON "dlb_convention_versions" ("TenantId", "OrgPath");
CREATE INDEX "IX_dlb_conventions_TenantId_OrgPath" ON "dlb_conventions" ("TenantId", "OrgPath");
CREATE INDEX "IX_dlb_meetings_TenantId_MotionId" ON "dlb_meetings" ("TenantId", "MotionId");
CREATE INDEX "IX_dlb_meetings_TenantId_OrgPath" ON "dlb_meetings" ("TenantId", "OrgPath");
CREATE INDEX "IX_dlb_motions_TenantId_HandlerPath_State" ON "dlb_motions" ("TenantId", "HandlerPath", "State");
CREATE INDEX "IX_dlb_motions_TenantId_OrgPath_RaisedAt" ON "dlb_motions" ("TenantId", "OrgPath", "RaisedAt");
CREATE INDEX "IX_dlb_owners_committee_members_TenantId_CommitteeId" ON "dlb_owners_committee_members" ("TenantId", "CommitteeId");
CREATE INDEX "IX_dlb_owners_committee_members_TenantId_OrgPath" ON "dlb_owners_committee_members" ("TenantId", "OrgPath");
CREATE INDEX "IX_dlb_owners_committees_TenantId_CompoundId_TermFrom" ON "dlb_owners_committees" ("TenantId", "CompoundId", "TermFrom");
CREATE INDEX "IX_dlb_owners_committees_TenantId_OrgPath" ON "dlb_owners_committees" ("TenantId", "OrgPath");
CREATE INDEX "IX_dlb_property_arrangements_TenantId_OrgPath" ON "dlb_property_arrangements" ("TenantId", "OrgPath");
CREATE INDEX "IX_dlb_red_committee_rules_TenantId_OrgPath" ON "dlb_red_committee_rules" ("TenantId", "OrgPath");
CREATE INDEX "IX_med_cases_TenantId_OrgPath_OpenedOn" ON "med_cases" ("TenantId", "OrgPath", "OpenedOn");
CREATE INDEX "IX_med_parties_TenantId_CaseId" ON "med_parties" ("TenantId", "CaseId");
CREATE INDEX "IX_med_sessions_TenantId_CaseId" ON "med_sessions" ("TenantId", "CaseId");
CREATE INDEX "IX_med_team_members_TenantId_CaseId" ON "med_team_members" ("TenantId", "CaseId");
CREATE INDEX "IX_med_team_members_TenantId_UserId_CaseId" ON "med_team_members" ("TenantId", "UserId", "CaseId");
CREATE UNIQUE INDEX "IX_dlb_convention_versions_TenantId_ConventionId_Number" ON "dlb_convention_versions" ("TenantId", "ConventionId", "Number");
CREATE UNIQUE INDEX "IX_dlb_conventions_TenantId_CompoundId" ON "dlb_conventions" ("TenantId", "CompoundId");
CREATE UNIQUE INDEX "IX_dlb_property_arrangements_TenantId_CompoundId" ON "dlb_property_arrangements" ("TenantId", "CompoundId");
CREATE UNIQUE INDEX "IX_dlb_red_committee_rules_TenantId_StreetId" ON "dlb_red_committee_rules" ("TenantId", "StreetId");
CREATE UNIQUE INDEX "IX_med_cases_TenantId_CaseNo" ON "med_cases" ("TenantId", "CaseNo");
