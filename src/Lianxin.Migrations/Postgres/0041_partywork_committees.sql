-- 0041: 党务工作 (PartyWork): branch committees and their terms (换届) with elections and reserve cadres; rectification of weak
-- branches (整顿提升): the district's criteria, the plans, their tasks and progress.
CREATE TABLE pw_committee_seats (
    "Id" uuid NOT NULL,
    "CommitteeId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Post" character varying(20) NOT NULL,
    "MemberId" uuid,
    "Name" character varying(60) NOT NULL,
    "Votes" integer,
    "Seq" integer NOT NULL,
    "FromOn" date NOT NULL,
    "LeftOn" date,
    "LeftReason" character varying(200),
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_committee_seats" PRIMARY KEY ("Id")
);
CREATE TABLE pw_committees (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "TermStart" date NOT NULL,
    "TermYears" integer NOT NULL,
    "TermEndsOn" date NOT NULL,
    "Current" boolean NOT NULL,
    "EndedOn" date,
    "ElectionId" uuid,
    "RemindedMonths" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_committees" PRIMARY KEY ("Id")
);
CREATE TABLE pw_elections (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "HeldOn" date NOT NULL,
    "Meeting" character varying(60) NOT NULL,
    "Eligible" integer NOT NULL,
    "Present" integer NOT NULL,
    "Note" character varying(500),
    "CommitteeId" uuid NOT NULL,
    "ReplacedCommitteeId" uuid,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_elections" PRIMARY KEY ("Id")
);
CREATE TABLE pw_rectification_progress (
    "Id" uuid NOT NULL,
    "RectificationId" uuid NOT NULL,
    "TaskId" uuid,
    "OrgPath" character varying(400) NOT NULL,
    "On" date NOT NULL,
    "Note" character varying(500) NOT NULL,
    "CompletesTask" boolean NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_rectification_progress" PRIMARY KEY ("Id")
);
CREATE TABLE pw_rectification_tasks (
    "Id" uuid NOT NULL,
    "RectificationId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Seq" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "DueOn" date NOT NULL,
    "DoneOn" date,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_rectification_tasks" PRIMARY KEY ("Id")
);
CREATE TABLE pw_rectifications (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ReasonCodes" character varying(200) NOT NULL,
    "ReasonNote" character varying(500),
    "Helper" character varying(60) NOT NULL,
    "StartedOn" date NOT NULL,
    "State" character varying(40) NOT NULL,
    "ExitedOn" date,
    "ExitNote" character varying(500),
    "ExitBy" character varying(60),
    "OpenTasksAtExit" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(60) NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_rectifications" PRIMARY KEY ("Id")
);
CREATE TABLE pw_rectify_criteria (
    "Id" uuid NOT NULL,
    "Code" character varying(20) NOT NULL,
    "Seq" integer NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Check" character varying(40) NOT NULL,
    "Threshold" double precision,
    "Active" boolean NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_rectify_criteria" PRIMARY KEY ("Id")
);
CREATE TABLE pw_reserve_cadres (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "MemberId" uuid,
    "Female" boolean NOT NULL,
    "BirthYear" integer,
    "Education" character varying(20),
    "Track" character varying(40) NOT NULL,
    "Since" date NOT NULL,
    "Note" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_reserve_cadres" PRIMARY KEY ("Id")
);
CREATE TABLE pw_term_rules (
    "Id" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Years" integer NOT NULL,
    "Basis" character varying(200) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_term_rules" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_pw_committee_seats_TenantId_CommitteeId" ON pw_committee_seats ("TenantId", "CommitteeId");
CREATE INDEX "IX_pw_committee_seats_TenantId_OrgPath" ON pw_committee_seats ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pw_committees_TenantId_Current_TermEndsOn" ON pw_committees ("TenantId", "Current", "TermEndsOn");
CREATE INDEX "IX_pw_committees_TenantId_OrgPath" ON pw_committees ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pw_committees_TenantId_UnitId_Kind_TermStart" ON pw_committees ("TenantId", "UnitId", "Kind", "TermStart");
CREATE INDEX "IX_pw_elections_TenantId_OrgPath" ON pw_elections ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pw_elections_TenantId_UnitId_HeldOn" ON pw_elections ("TenantId", "UnitId", "HeldOn");
CREATE INDEX "IX_pw_rectification_progress_TenantId_OrgPath" ON pw_rectification_progress ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pw_rectification_progress_TenantId_RectificationId_On" ON pw_rectification_progress ("TenantId", "RectificationId", "On");
CREATE INDEX "IX_pw_rectification_tasks_TenantId_OrgPath" ON pw_rectification_tasks ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pw_rectification_tasks_TenantId_RectificationId" ON pw_rectification_tasks ("TenantId", "RectificationId");
CREATE INDEX "IX_pw_rectifications_TenantId_OrgPath" ON pw_rectifications ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pw_rectifications_TenantId_UnitId_State" ON pw_rectifications ("TenantId", "UnitId", "State");
CREATE UNIQUE INDEX "IX_pw_rectify_criteria_TenantId_Code" ON pw_rectify_criteria ("TenantId", "Code");
CREATE INDEX "IX_pw_reserve_cadres_TenantId_CommunityId" ON pw_reserve_cadres ("TenantId", "CommunityId");
CREATE INDEX "IX_pw_reserve_cadres_TenantId_OrgPath" ON pw_reserve_cadres ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_pw_term_rules_TenantId_Kind" ON pw_term_rules ("TenantId", "Kind");
