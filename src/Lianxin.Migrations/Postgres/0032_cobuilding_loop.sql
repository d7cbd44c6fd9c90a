-- 0032: 共驻共建的三张清单（需求、资源、项目）、供需对接、契约化共建协议与各方义务、年度履约评议。
CREATE TABLE cob_agreements (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "ProjectId" uuid,
    "Year" integer NOT NULL,
    "SignedOn" date NOT NULL,
    "Status" character varying(40) NOT NULL,
    "ClosedOn" date,
    "CloseReason" character varying(500),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_agreements" PRIMARY KEY ("Id")
);
CREATE TABLE cob_matches (
    "Id" uuid NOT NULL,
    "NeedId" uuid NOT NULL,
    "ResourceId" uuid NOT NULL,
    "PartnerUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Quantity" integer NOT NULL,
    "Note" character varying(200),
    "ProjectId" uuid,
    "ConfirmedAt" timestamp with time zone NOT NULL,
    "ConfirmedBy" character varying(60) NOT NULL,
    "ByLiaison" boolean NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_matches" PRIMARY KEY ("Id")
);
CREATE TABLE cob_needs (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Detail" character varying(1000),
    "Kind" character varying(40) NOT NULL,
    "Quantity" integer NOT NULL,
    "Measure" character varying(10) NOT NULL,
    "Deadline" date NOT NULL,
    "Place" character varying(100) NOT NULL,
    "Promised" integer NOT NULL,
    "Status" character varying(40) NOT NULL,
    "PublishedAt" timestamp with time zone NOT NULL,
    "MetAt" timestamp with time zone,
    "PublishedBy" character varying(60) NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_needs" PRIMARY KEY ("Id")
);
CREATE TABLE cob_obligations (
    "Id" uuid NOT NULL,
    "AgreementId" uuid NOT NULL,
    "PartnerUnitId" uuid,
    "OrgPath" character varying(400) NOT NULL,
    "Content" character varying(500) NOT NULL,
    "DueOn" date NOT NULL,
    "FulfilledOn" date,
    "FulfilmentNote" character varying(1000),
    "ReportedBy" character varying(60),
    "Rating" integer,
    "RatingComment" character varying(200),
    "RatedBy" character varying(60),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_obligations" PRIMARY KEY ("Id")
);
CREATE TABLE cob_project_milestones (
    "Id" uuid NOT NULL,
    "ProjectId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "DueOn" date NOT NULL,
    "DoneOn" date,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_project_milestones" PRIMARY KEY ("Id")
);
CREATE TABLE cob_project_parties (
    "Id" uuid NOT NULL,
    "ProjectId" uuid NOT NULL,
    "PartnerUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_project_parties" PRIMARY KEY ("Id")
);
CREATE TABLE cob_projects (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Goal" character varying(1000) NOT NULL,
    "Budget" numeric(12,2),
    "StartOn" date NOT NULL,
    "EndOn" date NOT NULL,
    "Status" character varying(40) NOT NULL,
    "DoneOn" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_projects" PRIMARY KEY ("Id")
);
CREATE TABLE cob_resources (
    "Id" uuid NOT NULL,
    "PartnerUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Detail" character varying(1000),
    "Kind" character varying(40) NOT NULL,
    "Quantity" integer NOT NULL,
    "Measure" character varying(10) NOT NULL,
    "AvailableFrom" date NOT NULL,
    "AvailableTo" date NOT NULL,
    "Promised" integer NOT NULL,
    "PublishedAt" timestamp with time zone NOT NULL,
    "PublishedBy" character varying(60) NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_resources" PRIMARY KEY ("Id")
);
CREATE TABLE cob_unit_reviews (
    "Id" uuid NOT NULL,
    "PartnerUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Year" integer NOT NULL,
    "Due" integer NOT NULL,
    "Fulfilled" integer NOT NULL,
    "AverageRating" numeric(4,2),
    "Score" numeric(5,1) NOT NULL,
    "ReviewedAt" timestamp with time zone NOT NULL,
    "ReviewedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cob_unit_reviews" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_cob_agreements_TenantId_OrgPath" ON cob_agreements ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_agreements_TenantId_ProjectId" ON cob_agreements ("TenantId", "ProjectId");
CREATE INDEX "IX_cob_matches_TenantId_NeedId" ON cob_matches ("TenantId", "NeedId");
CREATE INDEX "IX_cob_matches_TenantId_OrgPath" ON cob_matches ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_matches_TenantId_ResourceId" ON cob_matches ("TenantId", "ResourceId");
CREATE INDEX "IX_cob_needs_TenantId_OrgPath" ON cob_needs ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_needs_TenantId_PublishedAt" ON cob_needs ("TenantId", "PublishedAt");
CREATE INDEX "IX_cob_obligations_TenantId_AgreementId" ON cob_obligations ("TenantId", "AgreementId");
CREATE INDEX "IX_cob_obligations_TenantId_OrgPath" ON cob_obligations ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_obligations_TenantId_PartnerUnitId_DueOn" ON cob_obligations ("TenantId", "PartnerUnitId", "DueOn");
CREATE INDEX "IX_cob_project_milestones_TenantId_OrgPath" ON cob_project_milestones ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_project_milestones_TenantId_ProjectId" ON cob_project_milestones ("TenantId", "ProjectId");
CREATE INDEX "IX_cob_project_parties_TenantId_OrgPath" ON cob_project_parties ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_project_parties_TenantId_ProjectId" ON cob_project_parties ("TenantId", "ProjectId");
CREATE INDEX "IX_cob_projects_TenantId_OrgPath" ON cob_projects ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_resources_TenantId_OrgPath" ON cob_resources ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_cob_resources_TenantId_PartnerUnitId" ON cob_resources ("TenantId", "PartnerUnitId");
CREATE INDEX "IX_cob_unit_reviews_TenantId_OrgPath" ON cob_unit_reviews ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_cob_unit_reviews_TenantId_PartnerUnitId_Year" ON cob_unit_reviews ("TenantId", "PartnerUnitId", "Year");
