-- 0032: 共驻共建的三张清单（需求、资源、项目）、供需对接、契约化共建协议与各方义务、年度履约评议。
CREATE TABLE "cob_agreements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_agreements" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ProjectId" TEXT NULL,
    "Year" INTEGER NOT NULL,
    "SignedOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ClosedOn" TEXT NULL,
    "CloseReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_matches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_matches" PRIMARY KEY,
    "NeedId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "PartnerUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "ProjectId" TEXT NULL,
    "ConfirmedAt" TEXT NOT NULL,
    "ConfirmedBy" TEXT NOT NULL,
    "ByLiaison" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_needs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_needs" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Detail" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "Measure" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Promised" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "MetAt" TEXT NULL,
    "PublishedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_obligations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_obligations" PRIMARY KEY,
    "AgreementId" TEXT NOT NULL,
    "PartnerUnitId" TEXT NULL,
    "OrgPath" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "FulfilledOn" TEXT NULL,
    "FulfilmentNote" TEXT NULL,
    "ReportedBy" TEXT NULL,
    "Rating" INTEGER NULL,
    "RatingComment" TEXT NULL,
    "RatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_project_milestones" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_project_milestones" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_project_parties" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_project_parties" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "PartnerUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_projects" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_projects" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Goal" TEXT NOT NULL,
    "Budget" TEXT NULL,
    "StartOn" TEXT NOT NULL,
    "EndOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_resources" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_resources" PRIMARY KEY,
    "PartnerUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Detail" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "Measure" TEXT NOT NULL,
    "AvailableFrom" TEXT NOT NULL,
    "AvailableTo" TEXT NOT NULL,
    "Promised" INTEGER NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "PublishedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "cob_unit_reviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cob_unit_reviews" PRIMARY KEY,
    "PartnerUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Due" INTEGER NOT NULL,
    "Fulfilled" INTEGER NOT NULL,
    "AverageRating" TEXT NULL,
    "Score" TEXT NOT NULL,
    "ReviewedAt" TEXT NOT NULL,
    "ReviewedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_cob_agreements_TenantId_OrgPath" ON "cob_agreements" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_agreements_TenantId_ProjectId" ON "cob_agreements" ("TenantId", "ProjectId");
CREATE INDEX "IX_cob_matches_TenantId_NeedId" ON "cob_matches" ("TenantId", "NeedId");
CREATE INDEX "IX_cob_matches_TenantId_OrgPath" ON "cob_matches" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_matches_TenantId_ResourceId" ON "cob_matches" ("TenantId", "ResourceId");
CREATE INDEX "IX_cob_needs_TenantId_OrgPath" ON "cob_needs" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_needs_TenantId_PublishedAt" ON "cob_needs" ("TenantId", "PublishedAt");
CREATE INDEX "IX_cob_obligations_TenantId_AgreementId" ON "cob_obligations" ("TenantId", "AgreementId");
CREATE INDEX "IX_cob_obligations_TenantId_OrgPath" ON "cob_obligations" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_obligations_TenantId_PartnerUnitId_DueOn" ON "cob_obligations" ("TenantId", "PartnerUnitId", "DueOn");
CREATE INDEX "IX_cob_project_milestones_TenantId_OrgPath" ON "cob_project_milestones" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_project_milestones_TenantId_ProjectId" ON "cob_project_milestones" ("TenantId", "ProjectId");
CREATE INDEX "IX_cob_project_parties_TenantId_OrgPath" ON "cob_project_parties" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_project_parties_TenantId_ProjectId" ON "cob_project_parties" ("TenantId", "ProjectId");
CREATE INDEX "IX_cob_projects_TenantId_OrgPath" ON "cob_projects" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_resources_TenantId_OrgPath" ON "cob_resources" ("TenantId", "OrgPath");
CREATE INDEX "IX_cob_resources_TenantId_PartnerUnitId" ON "cob_resources" ("TenantId", "PartnerUnitId");
CREATE INDEX "IX_cob_unit_reviews_TenantId_OrgPath" ON "cob_unit_reviews" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_cob_unit_reviews_TenantId_PartnerUnitId_Year" ON "cob_unit_reviews" ("TenantId", "PartnerUnitId", "Year");
