-- 0024: Volunteering (志愿服务): teams and their members, activities, sign-ups with check-in, check-out and confirmed hours.

CREATE TABLE vol_activities (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "TeamId" uuid,
    "Title" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Place" character varying(100) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Capacity" integer NOT NULL,
    "Taken" integer NOT NULL,
    "Skills" character varying(100),
    "Description" character varying(1000),
    "OrganiserUserId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_vol_activities" PRIMARY KEY ("Id")
);

CREATE TABLE vol_signups (
    "Id" uuid NOT NULL,
    "ActivityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Day" date NOT NULL,
    "UserId" uuid,
    "MemberId" uuid,
    "Name" character varying(60) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "SignedUpAt" timestamp with time zone NOT NULL,
    "CheckedInAt" timestamp with time zone,
    "CheckedOutAt" timestamp with time zone,
    "ConfirmedMinutes" integer,
    "ConfirmedAt" timestamp with time zone,
    "ConfirmedBy" uuid,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_vol_signups" PRIMARY KEY ("Id")
);

CREATE TABLE vol_team_members (
    "Id" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "MemberId" uuid,
    "UserId" uuid,
    "Name" character varying(60) NOT NULL,
    "Skills" character varying(100),
    "JoinedOn" date NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_vol_team_members" PRIMARY KEY ("Id")
);

CREATE TABLE vol_teams (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "LeaderName" character varying(60) NOT NULL,
    "Description" character varying(500),
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_vol_teams" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_vol_activities_TenantId_OrgPath_StartsAt" ON vol_activities ("TenantId", "OrgPath" varchar_pattern_ops, "StartsAt");

CREATE INDEX "IX_vol_activities_TenantId_TeamId" ON vol_activities ("TenantId", "TeamId");

CREATE UNIQUE INDEX "IX_vol_signups_TenantId_ActivityId_UserId" ON vol_signups ("TenantId", "ActivityId", "UserId");

CREATE INDEX "IX_vol_signups_TenantId_MemberId_Day" ON vol_signups ("TenantId", "MemberId", "Day");

CREATE INDEX "IX_vol_signups_TenantId_OrgPath_Day" ON vol_signups ("TenantId", "OrgPath" varchar_pattern_ops, "Day");

CREATE INDEX "IX_vol_signups_TenantId_UserId_Day" ON vol_signups ("TenantId", "UserId", "Day");

CREATE INDEX "IX_vol_team_members_TenantId_OrgPath" ON vol_team_members ("TenantId", "OrgPath" varchar_pattern_ops);

CREATE INDEX "IX_vol_team_members_TenantId_TeamId" ON vol_team_members ("TenantId", "TeamId");

CREATE INDEX "IX_vol_teams_TenantId_OrgPath_Name" ON vol_teams ("TenantId", "OrgPath" varchar_pattern_ops, "Name");
