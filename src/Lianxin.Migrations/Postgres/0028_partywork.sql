-- 0028: 党务工作 (PartyWork): the recruiting pipeline (发展党员): the district's step list, the people in it and the steps they took.
CREATE TABLE pw_recruit_entries (
    "Id" uuid NOT NULL,
    "RecruitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "StepCode" character varying(20) NOT NULL,
    "On" date NOT NULL,
    "Note" character varying(500),
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_recruit_entries" PRIMARY KEY ("Id")
);
CREATE TABLE pw_recruit_steps (
    "Id" uuid NOT NULL,
    "Code" character varying(20) NOT NULL,
    "Seq" integer NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Stage" character varying(40) NOT NULL,
    "AfterCode" character varying(20),
    "MinMonths" integer NOT NULL,
    "DueMonths" integer,
    "RuleName" character varying(100),
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_recruit_steps" PRIMARY KEY ("Id")
);
CREATE TABLE pw_recruits (
    "Id" uuid NOT NULL,
    "BranchId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Female" boolean NOT NULL,
    "BirthDate" date NOT NULL,
    "IdNumberCipher" character varying(200) NOT NULL,
    "IdNumberHash" character varying(64) NOT NULL,
    "Phone" character varying(20),
    "Source" character varying(40),
    "Contacts" character varying(100),
    "StepCode" character varying(20) NOT NULL,
    "StepOn" date NOT NULL,
    "Stage" character varying(40) NOT NULL,
    "State" character varying(40) NOT NULL,
    "NextCode" character varying(20),
    "NextDueOn" date,
    "RemindedCode" character varying(20),
    "ExtendedMonths" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pw_recruits" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_pw_recruit_entries_TenantId_OrgPath" ON pw_recruit_entries ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pw_recruit_entries_TenantId_RecruitId_On" ON pw_recruit_entries ("TenantId", "RecruitId", "On");
CREATE UNIQUE INDEX "IX_pw_recruit_steps_TenantId_Code" ON pw_recruit_steps ("TenantId", "Code");
CREATE INDEX "IX_pw_recruits_TenantId_IdNumberHash" ON pw_recruits ("TenantId", "IdNumberHash");
CREATE INDEX "IX_pw_recruits_TenantId_OrgPath" ON pw_recruits ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pw_recruits_TenantId_State_NextDueOn" ON pw_recruits ("TenantId", "State", "NextDueOn");
