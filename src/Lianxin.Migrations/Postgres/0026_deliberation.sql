-- 0026: 三级议事 (Deliberation: motions and council meetings, owners' committees, red-committee rules, property arrangements, conventions)
-- and 矛盾调解 (Mediation: cases, encrypted parties, teams, sessions).
CREATE TABLE dlb_convention_versions (
    "Id" uuid NOT NULL,
    "ConventionId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Number" integer NOT NULL,
    "Body" character varying(10000) NOT NULL,
    "AdoptedOn" date NOT NULL,
    "AdoptedBy" character varying(100) NOT NULL,
    "ChangeNote" character varying(500),
    "EditedBy" character varying(100) NOT NULL,
    "EditedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dlb_convention_versions" PRIMARY KEY ("Id")
);
CREATE TABLE dlb_conventions (
    "Id" uuid NOT NULL,
    "CompoundId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "CurrentNumber" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dlb_conventions" PRIMARY KEY ("Id")
);
CREATE TABLE dlb_meetings (
    "Id" uuid NOT NULL,
    "MotionId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Level" character varying(40) NOT NULL,
    "UnitId" uuid NOT NULL,
    "HeldOn" date NOT NULL,
    "Place" character varying(100) NOT NULL,
    "Host" character varying(60) NOT NULL,
    "Participants" character varying(2000) NOT NULL,
    "ParticipantCount" integer NOT NULL,
    "Positions" character varying(4000) NOT NULL,
    "Mode" character varying(40) NOT NULL,
    "VotesFor" integer,
    "VotesAgainst" integer,
    "VotesAbstain" integer,
    "Result" character varying(40) NOT NULL,
    "Outcome" character varying(2000) NOT NULL,
    "RecordedBy" character varying(100) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dlb_meetings" PRIMARY KEY ("Id")
);
CREATE TABLE dlb_motions (
    "Id" uuid NOT NULL,
    "CompoundId" uuid NOT NULL,
    "CompoundName" character varying(100) NOT NULL,
    "CommunityId" uuid NOT NULL,
    "StreetId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Level" character varying(40) NOT NULL,
    "HandlerUnitId" uuid NOT NULL,
    "HandlerPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Description" character varying(2000) NOT NULL,
    "Source" character varying(40) NOT NULL,
    "ProposerName" character varying(60),
    "RaisedByUserId" uuid,
    "DemandId" uuid,
    "DemandTicket" character varying(40),
    "State" character varying(40) NOT NULL,
    "RaisedAt" timestamp with time zone NOT NULL,
    "LevelSince" timestamp with time zone NOT NULL,
    "SettledAt" timestamp with time zone,
    "SettledLevel" character varying(40),
    "DaysToSettle" double precision,
    "Outcome" character varying(2000),
    "ToPledge" boolean NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dlb_motions" PRIMARY KEY ("Id")
);
CREATE TABLE dlb_owners_committee_members (
    "Id" uuid NOT NULL,
    "CommitteeId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Post" character varying(40) NOT NULL,
    "IsPartyMember" boolean NOT NULL,
    "SortOrder" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dlb_owners_committee_members" PRIMARY KEY ("Id")
);
CREATE TABLE dlb_owners_committees (
    "Id" uuid NOT NULL,
    "CompoundId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "TermFrom" date NOT NULL,
    "TermTo" date NOT NULL,
    "LedByBranch" boolean NOT NULL,
    "LeadingBranch" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dlb_owners_committees" PRIMARY KEY ("Id")
);
CREATE TABLE dlb_property_arrangements (
    "Id" uuid NOT NULL,
    "CompoundId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Provider" character varying(100),
    "LeadBranch" character varying(100),
    "ServiceBody" character varying(100),
    "Parties" character varying(1000),
    "Since" date NOT NULL,
    "Note" character varying(1000),
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dlb_property_arrangements" PRIMARY KEY ("Id")
);
CREATE TABLE dlb_red_committee_rules (
    "Id" uuid NOT NULL,
    "StreetId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "MinPartyPercent" integer NOT NULL,
    "RequireBranchLead" boolean NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dlb_red_committee_rules" PRIMARY KEY ("Id")
);
CREATE TABLE med_cases (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "CaseNo" character varying(30) NOT NULL,
    "Type" character varying(40) NOT NULL,
    "Summary" character varying(2000) NOT NULL,
    "State" character varying(40) NOT NULL,
    "OpenedOn" date NOT NULL,
    "ClosedOn" date,
    "OutcomeNote" character varying(2000),
    "FollowUpDue" date,
    "FollowedUpOn" date,
    "FollowUpNote" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_med_cases" PRIMARY KEY ("Id")
);
CREATE TABLE med_parties (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Side" character varying(40) NOT NULL,
    "NameCipher" character varying(200) NOT NULL,
    "PhoneCipher" character varying(200),
    "SortOrder" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_med_parties" PRIMARY KEY ("Id")
);
CREATE TABLE med_sessions (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "HeldOn" date NOT NULL,
    "Place" character varying(100) NOT NULL,
    "Notes" character varying(4000) NOT NULL,
    "RecordedBy" character varying(100) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_med_sessions" PRIMARY KEY ("Id")
);
CREATE TABLE med_team_members (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "DisplayName" character varying(100) NOT NULL,
    "Duty" character varying(40) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_med_team_members" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_dlb_convention_versions_TenantId_OrgPath" ON dlb_convention_versions ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dlb_conventions_TenantId_OrgPath" ON dlb_conventions ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dlb_meetings_TenantId_MotionId" ON dlb_meetings ("TenantId", "MotionId");
CREATE INDEX "IX_dlb_meetings_TenantId_OrgPath" ON dlb_meetings ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dlb_motions_TenantId_HandlerPath_State" ON dlb_motions ("TenantId", "HandlerPath", "State");
CREATE INDEX "IX_dlb_motions_TenantId_OrgPath_RaisedAt" ON dlb_motions ("TenantId", "OrgPath" varchar_pattern_ops, "RaisedAt");
CREATE INDEX "IX_dlb_owners_committee_members_TenantId_CommitteeId" ON dlb_owners_committee_members ("TenantId", "CommitteeId");
CREATE INDEX "IX_dlb_owners_committee_members_TenantId_OrgPath" ON dlb_owners_committee_members ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dlb_owners_committees_TenantId_CompoundId_TermFrom" ON dlb_owners_committees ("TenantId", "CompoundId", "TermFrom");
CREATE INDEX "IX_dlb_owners_committees_TenantId_OrgPath" ON dlb_owners_committees ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dlb_property_arrangements_TenantId_OrgPath" ON dlb_property_arrangements ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dlb_red_committee_rules_TenantId_OrgPath" ON dlb_red_committee_rules ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_med_cases_TenantId_OrgPath_OpenedOn" ON med_cases ("TenantId", "OrgPath" varchar_pattern_ops, "OpenedOn");
CREATE INDEX "IX_med_parties_TenantId_CaseId" ON med_parties ("TenantId", "CaseId");
CREATE INDEX "IX_med_sessions_TenantId_CaseId" ON med_sessions ("TenantId", "CaseId");
CREATE INDEX "IX_med_team_members_TenantId_CaseId" ON med_team_members ("TenantId", "CaseId");
CREATE INDEX "IX_med_team_members_TenantId_UserId_CaseId" ON med_team_members ("TenantId", "UserId", "CaseId");
CREATE UNIQUE INDEX "IX_dlb_convention_versions_TenantId_ConventionId_Number" ON dlb_convention_versions ("TenantId", "ConventionId", "Number");
CREATE UNIQUE INDEX "IX_dlb_conventions_TenantId_CompoundId" ON dlb_conventions ("TenantId", "CompoundId");
CREATE UNIQUE INDEX "IX_dlb_property_arrangements_TenantId_CompoundId" ON dlb_property_arrangements ("TenantId", "CompoundId");
CREATE UNIQUE INDEX "IX_dlb_red_committee_rules_TenantId_StreetId" ON dlb_red_committee_rules ("TenantId", "StreetId");
CREATE UNIQUE INDEX "IX_med_cases_TenantId_CaseNo" ON med_cases ("TenantId", "CaseNo");
