-- 0005: Reviews (观摩考评): rubrics, rounds, panels, score sheets, amendments, findings, rectifications, star awards.
CREATE TABLE rev_amendments (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "SheetId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ItemCode" character varying(40) NOT NULL,
    "Before" double precision NOT NULL,
    "After" double precision NOT NULL,
    "Reason" character varying(500) NOT NULL,
    "By" character varying(200) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_amendments" PRIMARY KEY ("Id")
);

CREATE TABLE rev_findings (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ItemCode" character varying(40),
    "Description" character varying(1000) NOT NULL,
    "PhotosJson" character varying(2000) NOT NULL,
    "ReportedBy" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_findings" PRIMARY KEY ("Id")
);

CREATE TABLE rev_panelists (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "DisplayName" character varying(200) NOT NULL,
    "PanelRole" character varying(20) NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_panelists" PRIMARY KEY ("Id")
);

CREATE TABLE rev_rectifications (
    "Id" uuid NOT NULL,
    "FindingId" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Description" character varying(1000) NOT NULL,
    "Owner" character varying(60) NOT NULL,
    "Deadline" timestamp with time zone NOT NULL,
    "State" character varying(40) NOT NULL,
    "Evidence" character varying(2000),
    "ReviewNote" character varying(500),
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_rectifications" PRIMARY KEY ("Id")
);

CREATE TABLE rev_round_units (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "UnitName" character varying(200) NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "VisitOrder" integer NOT NULL,
    "VisitAt" timestamp with time zone,
    "Total" double precision,
    "Rank" integer,
    "PreviousTotal" double precision,
    "PreviousRank" integer,
    "SectionsJson" character varying(4000) NOT NULL,
    "Published" boolean NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_round_units" PRIMARY KEY ("Id")
);

CREATE TABLE rev_rounds (
    "Id" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "RubricId" uuid NOT NULL,
    "OwnerUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "State" character varying(40) NOT NULL,
    "Aggregation" character varying(40) NOT NULL,
    "TrimMinReviewers" integer NOT NULL,
    "RoleWeightsJson" character varying(2000) NOT NULL,
    "PreviousRoundId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "PublishedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_rounds" PRIMARY KEY ("Id")
);

CREATE TABLE rev_rubrics (
    "Id" uuid NOT NULL,
    "FamilyId" uuid NOT NULL,
    "VersionNo" integer NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Purpose" character varying(40) NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "OwnerUnitId" uuid NOT NULL,
    "Frozen" boolean NOT NULL,
    "DefinitionJson" character varying(200000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_rubrics" PRIMARY KEY ("Id")
);

CREATE TABLE rev_score_sheets (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "ReviewerId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "State" character varying(40) NOT NULL,
    "EntriesJson" character varying(200000) NOT NULL,
    "Comment" character varying(2000),
    "Total" double precision NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "ReopenReason" character varying(200),
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_score_sheets" PRIMARY KEY ("Id")
);

CREATE TABLE rev_star_awards (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Level" integer NOT NULL,
    "PreviousLevel" integer NOT NULL,
    "Change" character varying(40) NOT NULL,
    "RoundId" uuid,
    "Score" double precision,
    "Reason" character varying(500) NOT NULL,
    "By" character varying(60) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_star_awards" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_rev_amendments_TenantId_RoundId" ON rev_amendments ("TenantId", "RoundId");

CREATE INDEX "IX_rev_findings_TenantId_RoundId_UnitId" ON rev_findings ("TenantId", "RoundId", "UnitId");

CREATE UNIQUE INDEX "IX_rev_panelists_TenantId_RoundId_UserId" ON rev_panelists ("TenantId", "RoundId", "UserId");

CREATE INDEX "IX_rev_panelists_TenantId_UserId" ON rev_panelists ("TenantId", "UserId");

CREATE INDEX "IX_rev_rectifications_TenantId_RoundId" ON rev_rectifications ("TenantId", "RoundId");

CREATE INDEX "IX_rev_rectifications_TenantId_UnitId_State" ON rev_rectifications ("TenantId", "UnitId", "State");

CREATE UNIQUE INDEX "IX_rev_round_units_TenantId_RoundId_UnitId" ON rev_round_units ("TenantId", "RoundId", "UnitId");

CREATE INDEX "IX_rev_round_units_TenantId_UnitId" ON rev_round_units ("TenantId", "UnitId");

CREATE INDEX "IX_rev_rounds_TenantId_OrgPath" ON rev_rounds ("TenantId", "OrgPath");

CREATE UNIQUE INDEX "IX_rev_rubrics_TenantId_FamilyId_VersionNo" ON rev_rubrics ("TenantId", "FamilyId", "VersionNo");

CREATE INDEX "IX_rev_rubrics_TenantId_OrgPath" ON rev_rubrics ("TenantId", "OrgPath");

CREATE INDEX "IX_rev_score_sheets_TenantId_ReviewerId" ON rev_score_sheets ("TenantId", "ReviewerId");

CREATE UNIQUE INDEX "IX_rev_score_sheets_TenantId_RoundId_UnitId_ReviewerId" ON rev_score_sheets ("TenantId", "RoundId", "UnitId", "ReviewerId");

CREATE INDEX "IX_rev_star_awards_TenantId_UnitId_At" ON rev_star_awards ("TenantId", "UnitId", "At");
