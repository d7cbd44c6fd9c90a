-- 0031: 后三级网格 roles in Members. 楼栋长 are roster members (mem_building_leaders, history kept; org_buildings records the
-- linked member for the coverage figure); 党员中心户 recommendations are records (the typed count becomes LegacyRecommenders),
-- central households and responsibility zones can be ended with a day and a reason.
CREATE TABLE "mem_building_leaders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_building_leaders" PRIMARY KEY,
    "BuildingId" TEXT NOT NULL,
    "CompoundId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "EndReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "mem_central_household_duties" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_central_household_duties" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "mem_central_household_recommendations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_central_household_recommendations" PRIMARY KEY,
    "CentralHouseholdId" TEXT NOT NULL,
    "CompoundId" TEXT NOT NULL,
    "HouseholdId" TEXT NULL,
    "HouseholdKey" TEXT NOT NULL,
    "Home" TEXT NOT NULL,
    "RecommenderName" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_mem_building_leaders_TenantId_BuildingId" ON "mem_building_leaders" ("TenantId", "BuildingId");
CREATE INDEX "IX_mem_building_leaders_TenantId_CommunityId" ON "mem_building_leaders" ("TenantId", "CommunityId");
CREATE INDEX "IX_mem_building_leaders_TenantId_MemberId" ON "mem_building_leaders" ("TenantId", "MemberId");
CREATE INDEX "IX_mem_building_leaders_TenantId_OrgPath" ON "mem_building_leaders" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_mem_central_household_duties_TenantId_CommunityId_Role" ON "mem_central_household_duties" ("TenantId", "CommunityId", "Role");
CREATE INDEX "IX_mem_central_household_duties_TenantId_OrgPath" ON "mem_central_household_duties" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_mem_central_household_recommendations_TenantId_CentralHouseholdId_HouseholdKey" ON "mem_central_household_recommendations" ("TenantId", "CentralHouseholdId", "HouseholdKey");
CREATE INDEX "IX_mem_central_household_recommendations_TenantId_OrgPath" ON "mem_central_household_recommendations" ("TenantId", "OrgPath");

-- The typed number of recommenders has no names behind it: kept as history, not counted as recommendations.
ALTER TABLE "mem_central_households" RENAME COLUMN "Recommenders" TO "LegacyRecommenders";
ALTER TABLE "mem_central_households" ADD COLUMN "EndedOn" TEXT NULL;
ALTER TABLE "mem_central_households" ADD COLUMN "EndReason" TEXT NULL;
ALTER TABLE "mem_central_households" ADD COLUMN "ReplacedById" TEXT NULL;
ALTER TABLE "mem_zones" ADD COLUMN "EndedOn" TEXT NULL;
ALTER TABLE "mem_zones" ADD COLUMN "EndReason" TEXT NULL;
ALTER TABLE "mem_zone_members" ADD COLUMN "EndedOn" TEXT NULL;
ALTER TABLE "org_buildings" ADD COLUMN "LeaderMemberId" TEXT NULL;

-- A free-text 楼栋长 whose name is exactly one roster member of the building's community (held there or living there) becomes
-- that member from today (the assignment takes the building's id); the others stay as free text, shown "未关联".
INSERT INTO "mem_building_leaders" ("Id", "BuildingId", "CompoundId", "CommunityId", "OrgPath", "MemberId", "MemberName", "StartedOn", "Version", "TenantId")
SELECT b."Id", b."Id", b."CompoundId", c."CommunityId", b."OrgPath", m."Id", m."Name", date('now'), 1, b."TenantId"
FROM "org_buildings" b
JOIN "org_compounds" c ON c."Id" = b."CompoundId"
JOIN "org_units" u ON u."Id" = c."CommunityId"
JOIN "mem_members" m ON m."TenantId" = b."TenantId" AND m."Name" = trim(b."LeaderName") AND m."Status" IN ('Normal', 'Suspended')
    AND (m."ResidenceCommunityId" = c."CommunityId" OR substr(m."OrgPath", 1, length(u."Path")) = u."Path")
WHERE b."LeaderMemberId" IS NULL AND (SELECT COUNT(*) FROM "mem_members" x WHERE x."TenantId" = b."TenantId" AND x."Name" = trim(b."LeaderName") AND x."Status" IN ('Normal', 'Suspended')
    AND (x."ResidenceCommunityId" = c."CommunityId" OR substr(x."OrgPath", 1, length(u."Path")) = u."Path")) = 1;
UPDATE "org_buildings" SET
    "LeaderMemberId" = (SELECT l."MemberId" FROM "mem_building_leaders" l WHERE l."Id" = "org_buildings"."Id"),
    "LeaderName" = (SELECT l."MemberName" FROM "mem_building_leaders" l WHERE l."Id" = "org_buildings"."Id"),
    "LeaderPhone" = NULL
WHERE "LeaderMemberId" IS NULL AND "Id" IN (SELECT "Id" FROM "mem_building_leaders" WHERE "EndedOn" IS NULL);
