-- 0005: Reviews (观摩考评): rubrics, rounds, panels, score sheets, amendments, findings, rectifications, star awards.
CREATE TABLE "rev_amendments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_amendments" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "SheetId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "Before" REAL NOT NULL,
    "After" REAL NOT NULL,
    "Reason" TEXT NOT NULL,
    "By" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "rev_findings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_findings" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ItemCode" TEXT NULL,
    "Description" TEXT NOT NULL,
    "PhotosJson" TEXT NOT NULL,
    "ReportedBy" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "rev_panelists" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_panelists" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "PanelRole" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "rev_rectifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_rectifications" PRIMARY KEY,
    "FindingId" TEXT NOT NULL,
    "RoundId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Owner" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Evidence" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "rev_round_units" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_round_units" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "UnitName" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "VisitOrder" INTEGER NOT NULL,
    "VisitAt" TEXT NULL,
    "Total" REAL NULL,
    "Rank" INTEGER NULL,
    "PreviousTotal" REAL NULL,
    "PreviousRank" INTEGER NULL,
    "SectionsJson" TEXT NOT NULL,
    "Published" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "rev_rounds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_rounds" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "RubricId" TEXT NOT NULL,
    "OwnerUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Aggregation" TEXT NOT NULL,
    "TrimMinReviewers" INTEGER NOT NULL,
    "RoleWeightsJson" TEXT NOT NULL,
    "PreviousRoundId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "rev_rubrics" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_rubrics" PRIMARY KEY,
    "FamilyId" TEXT NOT NULL,
    "VersionNo" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "OwnerUnitId" TEXT NOT NULL,
    "Frozen" INTEGER NOT NULL,
    "DefinitionJson" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "rev_score_sheets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_score_sheets" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "ReviewerId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "EntriesJson" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "Total" REAL NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ReopenReason" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "rev_star_awards" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_star_awards" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "PreviousLevel" INTEGER NOT NULL,
    "Change" TEXT NOT NULL,
    "RoundId" TEXT NULL,
    "Score" REAL NULL,
    "Reason" TEXT NOT NULL,
    "By" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE INDEX "IX_rev_amendments_TenantId_RoundId" ON "rev_amendments" ("TenantId", "RoundId");

CREATE INDEX "IX_rev_findings_TenantId_RoundId_UnitId" ON "rev_findings" ("TenantId", "RoundId", "UnitId");

CREATE UNIQUE INDEX "IX_rev_panelists_TenantId_RoundId_UserId" ON "rev_panelists" ("TenantId", "RoundId", "UserId");

CREATE INDEX "IX_rev_panelists_TenantId_UserId" ON "rev_panelists" ("TenantId", "UserId");

CREATE INDEX "IX_rev_rectifications_TenantId_RoundId" ON "rev_rectifications" ("TenantId", "RoundId");

CREATE INDEX "IX_rev_rectifications_TenantId_UnitId_State" ON "rev_rectifications" ("TenantId", "UnitId", "State");

CREATE UNIQUE INDEX "IX_rev_round_units_TenantId_RoundId_UnitId" ON "rev_round_units" ("TenantId", "RoundId", "UnitId");

CREATE INDEX "IX_rev_round_units_TenantId_UnitId" ON "rev_round_units" ("TenantId", "UnitId");

CREATE INDEX "IX_rev_rounds_TenantId_OrgPath" ON "rev_rounds" ("TenantId", "OrgPath");

CREATE UNIQUE INDEX "IX_rev_rubrics_TenantId_FamilyId_VersionNo" ON "rev_rubrics" ("TenantId", "FamilyId", "VersionNo");

CREATE INDEX "IX_rev_rubrics_TenantId_OrgPath" ON "rev_rubrics" ("TenantId", "OrgPath");

CREATE INDEX "IX_rev_score_sheets_TenantId_ReviewerId" ON "rev_score_sheets" ("TenantId", "ReviewerId");

CREATE UNIQUE INDEX "IX_rev_score_sheets_TenantId_RoundId_UnitId_ReviewerId" ON "rev_score_sheets" ("TenantId", "RoundId", "UnitId", "ReviewerId");

CREATE INDEX "IX_rev_star_awards_TenantId_UnitId_At" ON "rev_star_awards" ("TenantId", "UnitId", "At");
