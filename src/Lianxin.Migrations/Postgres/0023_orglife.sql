-- 0023: 组织生活 (OrgLife): branches' meetings and attendance, the district's rules and settings, and the calendar feeds.
CREATE TABLE olf_attendance (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(60) NOT NULL,
    "HeldOn" date NOT NULL,
    "State" character varying(40) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_attendance" PRIMARY KEY ("Id")
);
CREATE TABLE olf_feeds (
    "Id" uuid NOT NULL,
    "BranchId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Token" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_feeds" PRIMARY KEY ("Id")
);
CREATE TABLE olf_meetings (
    "Id" uuid NOT NULL,
    "BranchId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Mode" character varying(40) NOT NULL,
    "HeldOn" date NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Place" character varying(100) NOT NULL,
    "Host" character varying(60) NOT NULL,
    "Topic" character varying(200) NOT NULL,
    "Agenda" character varying(2000),
    "Minutes" character varying(8000),
    "Decisions" character varying(2000),
    "PartyDayItems" character varying(1000),
    "PartyDayExtras" character varying(1000),
    "Status" character varying(40) NOT NULL,
    "CancelReason" character varying(200),
    "LateEntry" boolean NOT NULL,
    "LateApprovedAt" timestamp with time zone,
    "LateApprovedBy" character varying(256),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(256) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Sequence" integer NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_meetings" PRIMARY KEY ("Id")
);
CREATE TABLE olf_rules (
    "Id" uuid NOT NULL,
    "UnitKind" character varying(40) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "PeriodMonths" integer NOT NULL,
    "MinCount" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_rules" PRIMARY KEY ("Id")
);
CREATE TABLE olf_settings (
    "Id" uuid NOT NULL,
    "LateEntryDays" integer NOT NULL,
    "PartyDayItems" character varying(1000) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_olf_settings" PRIMARY KEY ("Id")
);
CREATE UNIQUE INDEX "IX_olf_attendance_TenantId_MeetingId_MemberId" ON olf_attendance ("TenantId", "MeetingId", "MemberId");
CREATE INDEX "IX_olf_attendance_TenantId_MemberId_HeldOn" ON olf_attendance ("TenantId", "MemberId", "HeldOn");
CREATE INDEX "IX_olf_attendance_TenantId_OrgPath" ON olf_attendance ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_olf_feeds_TenantId_BranchId" ON olf_feeds ("TenantId", "BranchId");
CREATE INDEX "IX_olf_feeds_TenantId_OrgPath" ON olf_feeds ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_olf_feeds_TenantId_Token" ON olf_feeds ("TenantId", "Token");
CREATE INDEX "IX_olf_meetings_TenantId_BranchId_StartsAt" ON olf_meetings ("TenantId", "BranchId", "StartsAt");
CREATE INDEX "IX_olf_meetings_TenantId_HeldOn" ON olf_meetings ("TenantId", "HeldOn");
CREATE INDEX "IX_olf_meetings_TenantId_OrgPath" ON olf_meetings ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_olf_rules_TenantId_UnitKind_Kind" ON olf_rules ("TenantId", "UnitKind", "Kind");
CREATE UNIQUE INDEX "IX_olf_settings_TenantId" ON olf_settings ("TenantId");
