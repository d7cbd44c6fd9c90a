-- Members module: roster with histories, dual reporting, posts and zones, central households.

CREATE TABLE "mem_central_household_links" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_central_household_links" PRIMARY KEY,
    "CentralHouseholdId" TEXT NOT NULL,
    "HouseholdId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_central_households" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_central_households" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "GridId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "SelfNominated" INTEGER NOT NULL,
    "Recommenders" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "NominatedOn" TEXT NOT NULL,
    "ApprovedOn" TEXT NULL,
    "Duties" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_dual_reports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_dual_reports" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Workplace" TEXT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ReportedOn" TEXT NOT NULL,
    "Skills" TEXT NULL,
    "Availability" TEXT NULL,
    "PostsWanted" TEXT NULL,
    "Liaison" TEXT NULL,
    "LiaisonPhone" TEXT NULL,
    "Offers" TEXT NULL,
    "Status" TEXT NOT NULL,
    "WithdrawnOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_members" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "Ethnicity" TEXT NOT NULL,
    "BirthDate" TEXT NOT NULL,
    "IdNumberCipher" TEXT NOT NULL,
    "IdNumberHash" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Education" TEXT NULL,
    "JoinedOn" TEXT NOT NULL,
    "FullMemberOn" TEXT NULL,
    "Category" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "StatusSince" TEXT NOT NULL,
    "BranchId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ResidenceCommunityId" TEXT NULL,
    "CompoundId" TEXT NULL,
    "BuildingId" TEXT NULL,
    "HouseholdId" TEXT NULL,
    "Address" TEXT NULL,
    "Workplace" TEXT NULL,
    "Employment" TEXT NOT NULL,
    "FloatingTo" TEXT NULL,
    "UserId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_post_claims" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_post_claims" PRIMARY KEY,
    "PostId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Pledge" TEXT NULL,
    "ClaimedAt" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "EndedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_posts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_posts" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Duties" TEXT NULL,
    "Capacity" INTEGER NOT NULL,
    "GridId" TEXT NULL,
    "CompoundId" TEXT NULL,
    "BuildingId" TEXT NULL,
    "Place" TEXT NULL,
    "Open" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_status_changes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_status_changes" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "From" TEXT NULL,
    "To" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_transfers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_transfers" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "FromBranchId" TEXT NULL,
    "FromPath" TEXT NULL,
    "ToBranchId" TEXT NULL,
    "ToPath" TEXT NULL,
    "OutsideOrg" TEXT NULL,
    "On" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_zone_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_zone_members" PRIMARY KEY,
    "ZoneId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Role" TEXT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "mem_zones" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_zones" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Area" TEXT NOT NULL,
    "CompoundId" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE INDEX "IX_mem_central_household_links_TenantId_CentralHouseholdId" ON "mem_central_household_links" ("TenantId", "CentralHouseholdId");

CREATE UNIQUE INDEX "IX_mem_central_household_links_TenantId_HouseholdId" ON "mem_central_household_links" ("TenantId", "HouseholdId");

CREATE INDEX "IX_mem_central_households_TenantId_GridId" ON "mem_central_households" ("TenantId", "GridId");

CREATE INDEX "IX_mem_central_households_TenantId_MemberId" ON "mem_central_households" ("TenantId", "MemberId");

CREATE INDEX "IX_mem_dual_reports_TenantId_CommunityId" ON "mem_dual_reports" ("TenantId", "CommunityId");

CREATE INDEX "IX_mem_dual_reports_TenantId_MemberId" ON "mem_dual_reports" ("TenantId", "MemberId");

CREATE UNIQUE INDEX "IX_mem_members_TenantId_IdNumberHash" ON "mem_members" ("TenantId", "IdNumberHash");

CREATE INDEX "IX_mem_members_TenantId_Name" ON "mem_members" ("TenantId", "Name");

CREATE INDEX "IX_mem_members_TenantId_OrgPath" ON "mem_members" ("TenantId", "OrgPath");

CREATE INDEX "IX_mem_members_TenantId_Phone" ON "mem_members" ("TenantId", "Phone");

CREATE INDEX "IX_mem_members_TenantId_ResidenceCommunityId" ON "mem_members" ("TenantId", "ResidenceCommunityId");

CREATE INDEX "IX_mem_members_TenantId_UserId" ON "mem_members" ("TenantId", "UserId");

CREATE INDEX "IX_mem_post_claims_TenantId_MemberId" ON "mem_post_claims" ("TenantId", "MemberId");

CREATE INDEX "IX_mem_post_claims_TenantId_PostId" ON "mem_post_claims" ("TenantId", "PostId");

CREATE INDEX "IX_mem_posts_TenantId_OrgPath" ON "mem_posts" ("TenantId", "OrgPath");

CREATE INDEX "IX_mem_status_changes_TenantId_MemberId" ON "mem_status_changes" ("TenantId", "MemberId");

CREATE INDEX "IX_mem_transfers_TenantId_FromPath" ON "mem_transfers" ("TenantId", "FromPath");

CREATE INDEX "IX_mem_transfers_TenantId_MemberId" ON "mem_transfers" ("TenantId", "MemberId");

CREATE INDEX "IX_mem_transfers_TenantId_ToPath" ON "mem_transfers" ("TenantId", "ToPath");

CREATE INDEX "IX_mem_zone_members_TenantId_MemberId" ON "mem_zone_members" ("TenantId", "MemberId");

CREATE INDEX "IX_mem_zone_members_TenantId_ZoneId" ON "mem_zone_members" ("TenantId", "ZoneId");

CREATE INDEX "IX_mem_zones_TenantId_CommunityId" ON "mem_zones" ("TenantId", "CommunityId");
