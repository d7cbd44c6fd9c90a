-- 0024: Volunteering (志愿服务): teams and their members, activities, sign-ups with check-in, check-out and confirmed hours.

CREATE TABLE "vol_activities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_vol_activities" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "TeamId" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Taken" INTEGER NOT NULL,
    "Skills" TEXT NULL,
    "Description" TEXT NULL,
    "OrganiserUserId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "vol_signups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_vol_signups" PRIMARY KEY,
    "ActivityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "MemberId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SignedUpAt" TEXT NOT NULL,
    "CheckedInAt" TEXT NULL,
    "CheckedOutAt" TEXT NULL,
    "ConfirmedMinutes" INTEGER NULL,
    "ConfirmedAt" TEXT NULL,
    "ConfirmedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "vol_team_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_vol_team_members" PRIMARY KEY,
    "TeamId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "UserId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Skills" TEXT NULL,
    "JoinedOn" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "vol_teams" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_vol_teams" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "LeaderName" TEXT NOT NULL,
    "Description" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE INDEX "IX_vol_activities_TenantId_OrgPath_StartsAt" ON "vol_activities" ("TenantId", "OrgPath", "StartsAt");

CREATE INDEX "IX_vol_activities_TenantId_TeamId" ON "vol_activities" ("TenantId", "TeamId");

CREATE UNIQUE INDEX "IX_vol_signups_TenantId_ActivityId_UserId" ON "vol_signups" ("TenantId", "ActivityId", "UserId");

CREATE INDEX "IX_vol_signups_TenantId_MemberId_Day" ON "vol_signups" ("TenantId", "MemberId", "Day");

CREATE INDEX "IX_vol_signups_TenantId_OrgPath_Day" ON "vol_signups" ("TenantId", "OrgPath", "Day");

CREATE INDEX "IX_vol_signups_TenantId_UserId_Day" ON "vol_signups" ("TenantId", "UserId", "Day");

CREATE INDEX "IX_vol_team_members_TenantId_OrgPath" ON "vol_team_members" ("TenantId", "OrgPath");

CREATE INDEX "IX_vol_team_members_TenantId_TeamId" ON "vol_team_members" ("TenantId", "TeamId");

CREATE INDEX "IX_vol_teams_TenantId_OrgPath_Name" ON "vol_teams" ("TenantId", "OrgPath", "Name");
