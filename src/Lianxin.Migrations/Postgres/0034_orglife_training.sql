-- 0034: OrgLife training (sessions, records with sign-in, scores and 心得) and members' private calendar feeds
CREATE TABLE olf_member_feeds (
    "Id" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Token" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_member_feeds" PRIMARY KEY ("Id")
);
CREATE TABLE olf_training_records (
    "Id" uuid NOT NULL,
    "SessionId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(60) NOT NULL,
    "HeldOn" date NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "EnrolledAt" timestamp with time zone NOT NULL,
    "SignedInAt" timestamp with time zone,
    "SignedInBy" character varying(256),
    "Score" integer,
    "Reflection" character varying(500),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_training_records" PRIMARY KEY ("Id")
);
CREATE TABLE olf_training_sessions (
    "Id" uuid NOT NULL,
    "OrganiserId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "AudienceUnitId" uuid NOT NULL,
    "AudiencePath" character varying(400) NOT NULL,
    "Audience" character varying(40) NOT NULL,
    "HeldOn" date NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Place" character varying(100) NOT NULL,
    "Teacher" character varying(60),
    "Summary" character varying(2000),
    "Cancelled" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(256) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Sequence" integer NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_training_sessions" PRIMARY KEY ("Id")
);
CREATE UNIQUE INDEX "IX_olf_member_feeds_TenantId_MemberId" ON olf_member_feeds ("TenantId", "MemberId");
CREATE INDEX "IX_olf_member_feeds_TenantId_OrgPath" ON olf_member_feeds ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_olf_member_feeds_TenantId_Token" ON olf_member_feeds ("TenantId", "Token");
CREATE INDEX "IX_olf_training_records_TenantId_MemberId_HeldOn" ON olf_training_records ("TenantId", "MemberId", "HeldOn");
CREATE INDEX "IX_olf_training_records_TenantId_OrgPath" ON olf_training_records ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_olf_training_records_TenantId_SessionId_MemberId" ON olf_training_records ("TenantId", "SessionId", "MemberId");
CREATE INDEX "IX_olf_training_sessions_TenantId_HeldOn" ON olf_training_sessions ("TenantId", "HeldOn");
CREATE INDEX "IX_olf_training_sessions_TenantId_OrgPath" ON olf_training_sessions ("TenantId", "OrgPath" varchar_pattern_ops);
