-- Members module: roster with histories, dual reporting, posts and zones, central households.

CREATE TABLE mem_central_household_links (
    "Id" uuid NOT NULL,
    "CentralHouseholdId" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_central_household_links" PRIMARY KEY ("Id")
);

CREATE TABLE mem_central_households (
    "Id" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(60) NOT NULL,
    "CommunityId" uuid NOT NULL,
    "GridId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "SelfNominated" boolean NOT NULL,
    "Recommenders" integer NOT NULL,
    "Status" character varying(40) NOT NULL,
    "NominatedOn" date NOT NULL,
    "ApprovedOn" date,
    "Duties" character varying(1000),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_central_households" PRIMARY KEY ("Id")
);

CREATE TABLE mem_dual_reports (
    "Id" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "MemberId" uuid,
    "Name" character varying(200) NOT NULL,
    "Workplace" character varying(200),
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ReportedOn" date NOT NULL,
    "Skills" character varying(400),
    "Availability" character varying(200),
    "PostsWanted" character varying(200),
    "Liaison" character varying(200),
    "LiaisonPhone" character varying(20),
    "Offers" character varying(400),
    "Status" character varying(40) NOT NULL,
    "WithdrawnOn" date,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_dual_reports" PRIMARY KEY ("Id")
);

CREATE TABLE mem_members (
    "Id" uuid NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Gender" character varying(40) NOT NULL,
    "Ethnicity" character varying(20) NOT NULL,
    "BirthDate" date NOT NULL,
    "IdNumberCipher" character varying(120) NOT NULL,
    "IdNumberHash" character varying(64) NOT NULL,
    "Phone" character varying(20),
    "Education" character varying(40),
    "JoinedOn" date NOT NULL,
    "FullMemberOn" date,
    "Category" character varying(40) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "StatusSince" date NOT NULL,
    "BranchId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ResidenceCommunityId" uuid,
    "CompoundId" uuid,
    "BuildingId" uuid,
    "HouseholdId" uuid,
    "Address" character varying(200),
    "Workplace" character varying(200),
    "Employment" character varying(40) NOT NULL,
    "FloatingTo" character varying(200),
    "UserId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_members" PRIMARY KEY ("Id")
);

CREATE TABLE mem_post_claims (
    "Id" uuid NOT NULL,
    "PostId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(60) NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Source" character varying(40) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "Pledge" character varying(500),
    "ClaimedAt" timestamp with time zone NOT NULL,
    "DecidedAt" timestamp with time zone,
    "DecidedBy" character varying(60),
    "DecisionNote" character varying(200),
    "EndedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_post_claims" PRIMARY KEY ("Id")
);

CREATE TABLE mem_posts (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Duties" character varying(1000),
    "Capacity" integer NOT NULL,
    "GridId" uuid,
    "CompoundId" uuid,
    "BuildingId" uuid,
    "Place" character varying(200),
    "Open" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_posts" PRIMARY KEY ("Id")
);

CREATE TABLE mem_status_changes (
    "Id" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "From" character varying(40),
    "To" character varying(40) NOT NULL,
    "On" date NOT NULL,
    "Reason" character varying(200),
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_status_changes" PRIMARY KEY ("Id")
);

CREATE TABLE mem_transfers (
    "Id" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "FromBranchId" uuid,
    "FromPath" character varying(400),
    "ToBranchId" uuid,
    "ToPath" character varying(400),
    "OutsideOrg" character varying(200),
    "On" date NOT NULL,
    "Reason" character varying(200),
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_transfers" PRIMARY KEY ("Id")
);

CREATE TABLE mem_zone_members (
    "Id" uuid NOT NULL,
    "ZoneId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(60) NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Role" character varying(40),
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_zone_members" PRIMARY KEY ("Id")
);

CREATE TABLE mem_zones (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Area" character varying(400) NOT NULL,
    "CompoundId" uuid,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_zones" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_mem_central_household_links_TenantId_CentralHouseholdId" ON mem_central_household_links ("TenantId", "CentralHouseholdId");

CREATE UNIQUE INDEX "IX_mem_central_household_links_TenantId_HouseholdId" ON mem_central_household_links ("TenantId", "HouseholdId");

CREATE INDEX "IX_mem_central_households_TenantId_GridId" ON mem_central_households ("TenantId", "GridId");

CREATE INDEX "IX_mem_central_households_TenantId_MemberId" ON mem_central_households ("TenantId", "MemberId");

CREATE INDEX "IX_mem_dual_reports_TenantId_CommunityId" ON mem_dual_reports ("TenantId", "CommunityId");

CREATE INDEX "IX_mem_dual_reports_TenantId_MemberId" ON mem_dual_reports ("TenantId", "MemberId");

CREATE UNIQUE INDEX "IX_mem_members_TenantId_IdNumberHash" ON mem_members ("TenantId", "IdNumberHash");

CREATE INDEX "IX_mem_members_TenantId_Name" ON mem_members ("TenantId", "Name");

CREATE INDEX "IX_mem_members_TenantId_OrgPath" ON mem_members ("TenantId", "OrgPath");

CREATE INDEX "IX_mem_members_TenantId_Phone" ON mem_members ("TenantId", "Phone");

CREATE INDEX "IX_mem_members_TenantId_ResidenceCommunityId" ON mem_members ("TenantId", "ResidenceCommunityId");

CREATE INDEX "IX_mem_members_TenantId_UserId" ON mem_members ("TenantId", "UserId");

CREATE INDEX "IX_mem_post_claims_TenantId_MemberId" ON mem_post_claims ("TenantId", "MemberId");

CREATE INDEX "IX_mem_post_claims_TenantId_PostId" ON mem_post_claims ("TenantId", "PostId");

CREATE INDEX "IX_mem_posts_TenantId_OrgPath" ON mem_posts ("TenantId", "OrgPath");

CREATE INDEX "IX_mem_status_changes_TenantId_MemberId" ON mem_status_changes ("TenantId", "MemberId");

CREATE INDEX "IX_mem_transfers_TenantId_FromPath" ON mem_transfers ("TenantId", "FromPath");

CREATE INDEX "IX_mem_transfers_TenantId_MemberId" ON mem_transfers ("TenantId", "MemberId");

CREATE INDEX "IX_mem_transfers_TenantId_ToPath" ON mem_transfers ("TenantId", "ToPath");

CREATE INDEX "IX_mem_zone_members_TenantId_MemberId" ON mem_zone_members ("TenantId", "MemberId");

CREATE INDEX "IX_mem_zone_members_TenantId_ZoneId" ON mem_zone_members ("TenantId", "ZoneId");

CREATE INDEX "IX_mem_zones_TenantId_CommunityId" ON mem_zones ("TenantId", "CommunityId");
